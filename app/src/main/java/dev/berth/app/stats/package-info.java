/**
 * Live resource use: charts of CPU, memory against its limit, network and block IO for one container, and a table
 * of every running container. Streams are opened only while a view is shown ({@code setActive}), so a hidden
 * view costs neither engine work nor chart layout.
 */
package dev.berth.app.stats;
