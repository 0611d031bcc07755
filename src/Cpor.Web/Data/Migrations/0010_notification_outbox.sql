-- Notifications (CPOR.md §8): a transactional outbox written with the claim's history, and the
-- e-mails it turns into, one per recipient, each sent at most once.
CREATE TABLE outbox_events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    claim_event_id bigint NOT NULL,
    claim_id character varying(40) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    processed_at timestamp with time zone,
    attempts integer NOT NULL,
    last_error character varying(2000),
    CONSTRAINT pk_outbox_events PRIMARY KEY (id),
    CONSTRAINT fk_outbox_events_claim_events_claim_event_id FOREIGN KEY (claim_event_id) REFERENCES claim_events (id) ON DELETE RESTRICT
);


CREATE TABLE outbox_messages (
    id bigint GENERATED ALWAYS AS IDENTITY,
    outbox_event_id bigint NOT NULL,
    claim_id character varying(40) NOT NULL,
    topic character varying(40) NOT NULL,
    recipient_user_id character varying(450),
    recipient_email character varying(256) NOT NULL,
    language character varying(5) NOT NULL,
    message_id character varying(200) NOT NULL,
    subject character varying(400) NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    failed_at timestamp with time zone,
    last_error character varying(2000),
    CONSTRAINT pk_outbox_messages PRIMARY KEY (id),
    CONSTRAINT fk_outbox_messages_outbox_events_outbox_event_id FOREIGN KEY (outbox_event_id) REFERENCES outbox_events (id) ON DELETE RESTRICT
);


CREATE UNIQUE INDEX ix_outbox_events_claim_event_id ON outbox_events (claim_event_id);


CREATE INDEX ix_outbox_events_pending ON outbox_events (id) WHERE processed_at IS NULL;


CREATE INDEX ix_outbox_messages_claim_id ON outbox_messages (claim_id);


CREATE INDEX ix_outbox_messages_due ON outbox_messages (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;


CREATE UNIQUE INDEX ix_outbox_messages_message_id ON outbox_messages (message_id);


CREATE UNIQUE INDEX ix_outbox_messages_outbox_event_id_recipient_email ON outbox_messages (outbox_event_id, recipient_email);
