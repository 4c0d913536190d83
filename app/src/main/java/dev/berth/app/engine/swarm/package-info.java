/** Docker Swarm as the app sees it through an engine: the cluster's state, nodes, services, tasks, secrets, configs. */
package dev.berth.app.engine.swarm;
