/**
 * The notification log: every stored event in global position order, read in pages, locally or by
 * a remote reader following section links. Followers (projections, process applications) read it.
 */
package io.eventum.application.notification;
