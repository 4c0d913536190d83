/**
 * Image references as docker writes them ({@code busybox}, {@code localhost:5000/app:1.0},
 * {@code ghcr.io/org/tool@sha256:…}): the grammar of distribution/reference, Docker Hub
 * normalization ({@code docker.io/library/…}) and the "familiar" short forms docker prints.
 */
package dev.berth.runtime.image.reference;
