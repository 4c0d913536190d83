/** The Networks page: networks with their subnets, create (subnet, internal) and remove. */
package dev.berth.app.networks;
