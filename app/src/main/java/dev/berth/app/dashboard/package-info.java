/**
 * The dashboard page: which engine answers and how it is doing at a glance — counts, disk use per kind (images,
 * containers, volumes, build cache) with what a prune would free, and the containers using the most CPU now.
 */
package dev.berth.app.dashboard;
