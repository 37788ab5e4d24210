/**
 * The Jackson implementation of {@link io.eventum.application.codec.EventCodec}: the only package of
 * the application module that depends on Jackson.
 */
package io.eventum.application.codec.jackson;
