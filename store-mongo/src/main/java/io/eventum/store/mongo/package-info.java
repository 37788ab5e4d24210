/**
 * The MongoDB event and snapshot store: {@link io.eventum.store.mongo.MongoEventStore}, built with
 * {@link io.eventum.store.mongo.MongoEventStoreBuilder}. One append is one commit document, so it
 * is atomic on any MongoDB topology without multi-document transactions. The README of this module
 * describes the document layout, the indexes and what holds on replica sets and sharded clusters.
 */
package io.eventum.store.mongo;
