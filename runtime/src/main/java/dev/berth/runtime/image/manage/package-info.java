/**
 * {@code docker rmi} and {@code docker image prune} with dockerd's rules (untag while other names remain, refuse what
 * containers use unless forced), and the lines their answers consist of.
 */
package dev.berth.runtime.image.manage;
