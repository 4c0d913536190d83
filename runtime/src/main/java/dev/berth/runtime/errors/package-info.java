/**
 * The engine's domain errors, one class per kind of failure; services throw them and the API maps each kind to the status
 * dockerd answers with (400, 401, 403, 404, 409, 304, 503).
 */
package dev.berth.runtime.errors;
