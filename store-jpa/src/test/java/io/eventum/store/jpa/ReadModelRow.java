package io.eventum.store.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A row of an application's read model, written in the same transaction as events. */
@Entity
@Table(name = "test_read_model")
class ReadModelRow {

    @Id
    private UUID id;

    private String note;

    protected ReadModelRow() {
    }

    ReadModelRow(UUID id, String note) {
        this.id = id;
        this.note = note;
    }

    String note() {
        return note;
    }
}
