-- Passkeys (WebAuthn credentials), read and written by Spring Security 7's
-- JdbcPublicKeyCredentialUserEntityRepository and JdbcUserCredentialRepository, which fix the table
-- and column names. Ids are base64url text. H2 accepts bytea as binary varying.

-- One WebAuthn user entity per account that ever asked to register a passkey. Its name is the
-- account's user name, which never changes, and the foreign key keeps it tied to that account.
-- The id is the random user handle that the authenticator stores with each passkey.
create table user_entities (
    id           varchar(1000) not null,
    name         varchar(60)   not null,
    display_name varchar(200),
    constraint user_entities_pk primary key (id),
    constraint user_entities_name_unique unique (name),
    constraint user_entities_account_fk foreign key (name) references account (username)
);

-- One row per registered passkey: its public key (COSE), the signature counter, the flags and the
-- attestation that came with it, and the label its owner gave it. Deleting the row revokes it.
create table user_credentials (
    credential_id                varchar(1000) not null,
    user_entity_user_id          varchar(1000) not null,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp with time zone,
    last_used                    timestamp with time zone,
    label                        varchar(1000) not null,
    constraint user_credentials_pk primary key (credential_id),
    constraint user_credentials_user_fk foreign key (user_entity_user_id) references user_entities (id)
        on delete cascade
);

create index user_credentials_user_idx on user_credentials (user_entity_user_id);
