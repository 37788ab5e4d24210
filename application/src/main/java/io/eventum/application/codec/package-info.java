/**
 * The codec port: how domain events become stored records and back, through an explicit
 * {@link io.eventum.application.codec.EventTypeRegistry} of stable type names. The Jackson
 * implementation lives in {@code io.eventum.application.codec.jackson}, the only package of the
 * application module that depends on Jackson.
 */
package io.eventum.application.codec;
