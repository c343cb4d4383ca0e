-- A stamped PDF copy of a meeting document that is not a PDF itself (DOCX, XLSX, ODT, ODS, JPEG, PNG), made
-- at upload. Readers get this copy with their watermark, as library readers do, because meeting papers are
-- internal to the cell. Null for a PDF, and for documents attached before copies were made.
alter table meeting_document add column rendition_file_id bigint references stored_file (id);
