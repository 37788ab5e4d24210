/**
 * The Python eventsourcing library's "dog school", in Eventum: dogs are registered and learn
 * tricks; a snapshot policy keeps loads short however many tricks a dog learns; a projection keeps
 * a read model of every dog's trick count, following the notification log.
 */
package io.eventum.examples.dogschool;
