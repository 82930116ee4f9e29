// Made from openapi.yaml by Scripts/openapi-embed; OpenAPIDocumentTests keeps the two in step. Do not edit.

/// The API document the server serves: `openapi.yaml` as written, and the same document as JSON.
enum OpenAPIDocument {
    static let yaml = ####"""
        # Rapport's HTTP API, OpenAPI 3.1. Edited by hand; after a change run Scripts/openapi-embed (the server serves
        # the embedded copy) — the test suite fails while a mounted route is missing here, or a route here is not mounted.
        openapi: 3.1.0
        info:
          title: Rapport
          version: 0.9.0
          description: 'Contacts, chat, audit, realtime and customer-service APIs. Each URL prefix speaks its API family''s envelope
            (see the contracts): errors are `{"error"}` (seed 001''s Flask routes and seed 003''s helper routes), `{"message"}` (seed
            003''s chat routes), `{"error","message"}` (seed 003''s friend requests), `{"detail"}` (seed 004''s FastAPI routes), `{"msg","error","detail"}`
            (Rapport''s own), or the contacts envelope `{"code","msg","data"}`.'
        servers:
        - url: /
        tags:
        - name: Contacts
        - name: Audit
        - name: Health
        - name: Auth
        - name: Friends
        - name: Messages
        - name: Chat
        - name: Users
        - name: Groups
        - name: Profile
        - name: Files
        - name: AI
        - name: Realtime
        - name: Support users
        - name: Support conversations
        - name: Support messages
        - name: Support quick replies
        - name: Support desk
        - name: Documentation
        security:
        - bearerAuth: []
        paths:
          /api/contacts:
            get:
              operationId: ContactsList
              summary: List the caller's contacts
              tags:
              - Contacts
              description: 'The caller''s live address book, newest first (created_time, then id, descending). Without `limit` and
                `cursor` the whole book; with either, a page and `next_cursor` (also sent as the `X-Next-Cursor` header when there
                is a next page). Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer`
                header) the `jwt` query parameter, which the server''s auth middleware reads on every route.'
              security:
              - bearerAuth: []
              parameters:
              - name: q
                in: query
                required: false
                description: 'Search: a case-insensitive substring of the name, or (3+ digits written as a number) part of the phone''s
                  E.164 digits. Trimmed; empty means no search.'
                schema:
                  type: string
              - name: limit
                in: query
                required: false
                description: 'Page size, 1 to 1000. Anything else (text, empty, out of range) → 400 `limit 必须是 1 到 1000 的整数`. No default:
                  without it the whole book is returned.'
                schema:
                  type: integer
                  minimum: 1
                  maximum: 1000
              - name: cursor
                in: query
                required: false
                description: The `next_cursor` of the previous page. A value this server did not make (including an empty one) → 400
                  `cursor 参数无效`.
                schema:
                  type: string
              responses:
                '200':
                  description: The contacts.
                  headers:
                    X-Next-Cursor:
                      description: Cursor of the next page, when there is one.
                      schema:
                        type: string
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeContactList'
                '400':
                  description: Bad `limit` (`limit 必须是 1 到 1000 的整数`) or `cursor` (`cursor 参数无效`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '401':
                  description: 'Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization`
                    header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data`
                    null.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '403':
                  description: 'A guest token (principal 0) has no address book: `访客不能使用通讯录`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '503':
                  description: The database is unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsUnavailable'
          /api/contacts/add:
            post:
              operationId: ContactsAdd
              summary: Add a contact
              tags:
              - Contacts
              description: 'Creates the contact and its first version (operator = the caller''s username). Answers 200, not 201. Needs
                a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query
                parameter, which the server''s auth middleware reads on every route.'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                description: A JSON object; the Content-Type is not checked.
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ContactsFields'
              responses:
                '200':
                  description: 'Created: `添加联系人成功`.'
                  headers:
                    ETag:
                      description: The contact's current revision as a strong entity tag, `"c<id>-r<revision>"`; send it back in `If-Match`.
                      schema:
                        type: string
                        pattern: ^"c[0-9]+-r[0-9]+"$
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeContact'
                '400':
                  description: 'Refused input, contacts envelope with `data` null, checked in this order: body not a JSON object (empty,
                    not JSON, or another JSON value) → `请求数据格式错误`; name or phone missing, not a string or empty after trimming → `姓名和手机号不能为空`;
                    name over 100 or phone over 20 characters → `姓名或手机号长度超出限制`; phone not a phone number → `手机号格式不正确`; the number
                    (by its E.164 form) already used by another live contact of the caller → `手机号已存在`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '401':
                  description: 'Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization`
                    header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data`
                    null.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '403':
                  description: 'A guest token (principal 0) has no address book: `访客不能使用通讯录`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '413':
                  description: Body over the size limit. A declared `Content-Length` over the limit is refused before reading with
                    the server's generic error body (`请求体过大`); a chunked body that grows past it is refused with an empty body.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsServerError'
                '503':
                  description: The database is unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsUnavailable'
          /api/contacts/trash:
            get:
              operationId: ContactsTrash
              summary: List the caller's trashed contacts
              tags:
              - Contacts
              description: 'Deleted contacts stay in the trash for 30 days (then they and their versions are purged), most recently
                deleted first. Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header)
                the `jwt` query parameter, which the server''s auth middleware reads on every route.'
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: The trash.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeTrash'
                '401':
                  description: 'Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization`
                    header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data`
                    null.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '403':
                  description: 'A guest token (principal 0) has no address book: `访客不能使用通讯录`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '503':
                  description: The database is unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsUnavailable'
          /api/contacts/export:
            get:
              operationId: ContactsExport
              summary: Export the caller's address book
              tags:
              - Contacts
              description: 'The whole live address book as a file download (`Content-Disposition: attachment; filename="contacts.csv"`
                or `contacts.vcf`), streamed a page at a time: a database failure after the first bytes cuts the body short. CSV:
                header `name,phone,created_time,updated_time`, CRLF line ends (an empty book is the header alone); vCard 4.0 (FN,
                N, TEL, REV), empty for an empty book. Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization:
                Bearer` header) the `jwt` query parameter, which the server''s auth middleware reads on every route.'
              security:
              - bearerAuth: []
              parameters:
              - name: format
                in: query
                required: false
                description: '`csv` (default) or `vcard`; anything else (including an empty value) → 400 `format 必须是 csv 或 vcard`.'
                schema:
                  type: string
                  enum:
                  - csv
                  - vcard
                  default: csv
              responses:
                '200':
                  description: The file.
                  headers:
                    Content-Disposition:
                      description: '`attachment; filename="contacts.csv"` or `"contacts.vcf"`.'
                      schema:
                        type: string
                  content:
                    text/csv:
                      schema:
                        type: string
                    text/vcard:
                      schema:
                        type: string
                '400':
                  description: Unknown `format`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '401':
                  description: 'Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization`
                    header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data`
                    null.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '403':
                  description: 'A guest token (principal 0) has no address book: `访客不能使用通讯录`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '503':
                  description: The database is unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsUnavailable'
          /api/contacts/import:
            post:
              operationId: ContactsImport
              summary: Import contacts from CSV or vCard
              tags:
              - Contacts
              description: 'Reads a CSV (RFC 4180, UTF-8 with or without BOM; a header row naming the name and phone columns is recognised,
                otherwise the first two columns) or vCard (3.0/4.0, 2.1 without encodings) file sent as the raw body. The format is
                the `format` query parameter when given (then any Content-Type is accepted), else taken from the Content-Type (one
                containing `csv` or `vcard`). A new number is created, a known number with another name is renamed, a known number
                with the same name is skipped, invalid records are rejected with a reason; the rest still go in. Body limit: max(MAX_BODY_SIZE,
                64 MiB). Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header)
                the `jwt` query parameter, which the server''s auth middleware reads on every route.'
              security:
              - bearerAuth: []
              parameters:
              - name: format
                in: query
                required: false
                description: '`csv` or `vcard`, overriding the Content-Type; anything else (including an empty value) → 400 `format
                  必须是 csv 或 vcard`.'
                schema:
                  type: string
                  enum:
                  - csv
                  - vcard
              requestBody:
                required: true
                content:
                  text/csv:
                    schema:
                      type: string
                  text/vcard:
                    schema:
                      type: string
                  text/x-vcard:
                    schema:
                      type: string
              responses:
                '200':
                  description: '`导入完成` with the report (an empty file imports nothing).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeImport'
                '400':
                  description: 'Unknown `format` (`format 必须是 csv 或 vcard`), or a file that cannot be read at all (`文件无法读取: <reason>`:
                    not UTF-8, a vCard charset other than UTF-8).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '401':
                  description: 'Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization`
                    header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data`
                    null.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '403':
                  description: 'A guest token (principal 0) has no address book: `访客不能使用通讯录`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '413':
                  description: Body over the size limit. A declared `Content-Length` over the limit is refused before reading with
                    the server's generic error body (`请求体过大`); a chunked body that grows past it is refused with an empty body.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsServerError'
                '415':
                  description: 'No `format` parameter and a Content-Type that names neither csv nor vcard: `请以 text/csv 或 text/vcard
                    上传`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '503':
                  description: The database is unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsUnavailable'
          /api/contacts/{id}:
            get:
              operationId: ContactsGet
              summary: Get one contact
              tags:
              - Contacts
              description: 'Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header)
                the `jwt` query parameter, which the server''s auth middleware reads on every route.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: Contact id. Anything that is not a positive 64-bit integer (text, 0, negatives) answers 404 `联系人不存在`.
                  (`trash` and `export` are separate routes.)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              responses:
                '200':
                  description: The contact (`success`).
                  headers:
                    ETag:
                      description: The contact's current revision as a strong entity tag, `"c<id>-r<revision>"`; send it back in `If-Match`.
                      schema:
                        type: string
                        pattern: ^"c[0-9]+-r[0-9]+"$
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeContact'
                '401':
                  description: 'Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization`
                    header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data`
                    null.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '403':
                  description: 'A guest token (principal 0) has no address book: `访客不能使用通讯录`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '404':
                  description: '`联系人不存在`: no such contact in the caller''s live address book (another user''s id, a trashed contact,
                    or an id that is not a positive integer).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '503':
                  description: The database is unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsUnavailable'
          /api/contacts/{id}/update:
            put:
              operationId: ContactsUpdate
              summary: Update a contact
              tags:
              - Contacts
              description: 'Checks, in order: the contact exists (404, before the body is read), the body (400), `If-Match` (412).
                When name and phone equal the stored values nothing is written (no version, same revision) and the answer is the same
                200. Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the
                `jwt` query parameter, which the server''s auth middleware reads on every route.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: Contact id. Anything that is not a positive 64-bit integer (text, 0, negatives) answers 404 `联系人不存在`.
                  (`trash` and `export` are separate routes.)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              - name: If-Match
                in: header
                required: false
                description: 'Optimistic concurrency: `*`, or the contact''s ETag (`"c<id>-r<revision>"`; a comma-separated list is
                  searched for this contact''s tag). Any other value (a weak tag, another contact''s tag, an older revision) answers
                  412. Absent or `*`: no check.'
                schema:
                  type: string
              requestBody:
                required: true
                description: A JSON object; the Content-Type is not checked.
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ContactsFields'
              responses:
                '200':
                  description: '`更新联系人成功` with the contact as it now is.'
                  headers:
                    ETag:
                      description: The contact's current revision as a strong entity tag, `"c<id>-r<revision>"`; send it back in `If-Match`.
                      schema:
                        type: string
                        pattern: ^"c[0-9]+-r[0-9]+"$
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeContact'
                '400':
                  description: 'Refused input, contacts envelope with `data` null, checked in this order: body not a JSON object (empty,
                    not JSON, or another JSON value) → `请求数据格式错误`; name or phone missing, not a string or empty after trimming → `姓名和手机号不能为空`;
                    name over 100 or phone over 20 characters → `姓名或手机号长度超出限制`; phone not a phone number → `手机号格式不正确`; the number
                    (by its E.164 form) already used by another live contact of the caller → `手机号已存在`. (Uniqueness ignores the contact
                    itself.)'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '401':
                  description: 'Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization`
                    header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data`
                    null.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '403':
                  description: 'A guest token (principal 0) has no address book: `访客不能使用通讯录`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '404':
                  description: '`联系人不存在`: no such contact in the caller''s live address book (another user''s id, a trashed contact,
                    or an id that is not a positive integer).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '412':
                  description: '`If-Match` does not name the current revision: `联系人已被修改，请刷新后重试`, `data` null, nothing changed; the
                    `ETag` header carries the current revision.'
                  headers:
                    ETag:
                      description: The contact's current revision as a strong entity tag, `"c<id>-r<revision>"`; send it back in `If-Match`.
                      schema:
                        type: string
                        pattern: ^"c[0-9]+-r[0-9]+"$
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '413':
                  description: Body over the size limit. A declared `Content-Length` over the limit is refused before reading with
                    the server's generic error body (`请求体过大`); a chunked body that grows past it is refused with an empty body.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsServerError'
                '503':
                  description: The database is unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsUnavailable'
          /api/contacts/{id}/delete:
            delete:
              operationId: ContactsDelete
              summary: Delete a contact (to the trash)
              tags:
              - Contacts
              description: 'Moves the contact to the trash (kept 30 days, restorable with `POST /api/contacts/{id}/restore`); its
                number becomes free. Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer`
                header) the `jwt` query parameter, which the server''s auth middleware reads on every route.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: Contact id. Anything that is not a positive 64-bit integer (text, 0, negatives) answers 404 `联系人不存在`.
                  (`trash` and `export` are separate routes.)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              responses:
                '200':
                  description: '`删除联系人成功`, `data` null.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeDeleted'
                '401':
                  description: 'Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization`
                    header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data`
                    null.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '403':
                  description: 'A guest token (principal 0) has no address book: `访客不能使用通讯录`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '404':
                  description: '`联系人不存在`: no such contact in the caller''s live address book (another user''s id, a trashed contact,
                    or an id that is not a positive integer).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '503':
                  description: The database is unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsUnavailable'
          /api/contacts/{id}/versions:
            get:
              operationId: ContactsVersions
              summary: List a contact's versions
              tags:
              - Contacts
              description: 'Every saved state of a live contact, oldest first (the first is the creation). Needs a token: `Authorization:
                Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server''s
                auth middleware reads on every route.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: Contact id. Anything that is not a positive 64-bit integer (text, 0, negatives) answers 404 `联系人不存在`.
                  (`trash` and `export` are separate routes.)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              responses:
                '200':
                  description: '`查询成功` with the versions.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeVersions'
                '401':
                  description: 'Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization`
                    header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data`
                    null.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '403':
                  description: 'A guest token (principal 0) has no address book: `访客不能使用通讯录`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '404':
                  description: '`联系人不存在`: no such contact in the caller''s live address book (another user''s id, a trashed contact,
                    or an id that is not a positive integer).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '503':
                  description: The database is unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsUnavailable'
          /api/contacts/{id}/versions/{version}/restore:
            post:
              operationId: ContactsRestoreVersion
              summary: Restore an old version of a contact
              tags:
              - Contacts
              description: 'Makes the version''s name and phone current again, as a new version (nothing is written when they already
                are). No request body. Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer`
                header) the `jwt` query parameter, which the server''s auth middleware reads on every route.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: Contact id. Anything that is not a positive 64-bit integer (text, 0, negatives) answers 404 `联系人不存在`.
                  (`trash` and `export` are separate routes.)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              - name: version
                in: path
                required: true
                description: A version id from `GET /api/contacts/{id}/versions`. Not an integer, or not a version of this contact
                  → 404 `版本不存在`.
                schema:
                  type: integer
                  format: int64
              - name: If-Match
                in: header
                required: false
                description: 'Optimistic concurrency: `*`, or the contact''s ETag (`"c<id>-r<revision>"`; a comma-separated list is
                  searched for this contact''s tag). Any other value (a weak tag, another contact''s tag, an older revision) answers
                  412. Absent or `*`: no check.'
                schema:
                  type: string
              responses:
                '200':
                  description: '`恢复版本成功` with the contact as it now is.'
                  headers:
                    ETag:
                      description: The contact's current revision as a strong entity tag, `"c<id>-r<revision>"`; send it back in `If-Match`.
                      schema:
                        type: string
                        pattern: ^"c[0-9]+-r[0-9]+"$
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeContact'
                '400':
                  description: 'The version''s number is now used by another live contact of the caller: `手机号已存在`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '401':
                  description: 'Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization`
                    header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data`
                    null.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '403':
                  description: 'A guest token (principal 0) has no address book: `访客不能使用通讯录`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '404':
                  description: '`联系人不存在` (no such live contact, or an id that is not a positive integer) or `版本不存在` (no such version
                    of it).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '412':
                  description: '`If-Match` does not name the current revision: `联系人已被修改，请刷新后重试`, `data` null; the `ETag` header carries
                    the current revision.'
                  headers:
                    ETag:
                      description: The contact's current revision as a strong entity tag, `"c<id>-r<revision>"`; send it back in `If-Match`.
                      schema:
                        type: string
                        pattern: ^"c[0-9]+-r[0-9]+"$
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '503':
                  description: The database is unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsUnavailable'
          /api/contacts/{id}/restore:
            post:
              operationId: ContactsRestore
              summary: Restore a contact from the trash
              tags:
              - Contacts
              description: 'Takes a contact out of the trash (no request body). Needs a token: `Authorization: Bearer <jwt>`, or (when
                there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server''s auth middleware
                reads on every route.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: Contact id. Anything that is not a positive 64-bit integer (text, 0, negatives) answers 404 `联系人不存在`.
                  (`trash` and `export` are separate routes.)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              responses:
                '200':
                  description: '`恢复联系人成功` with the contact.'
                  headers:
                    ETag:
                      description: The contact's current revision as a strong entity tag, `"c<id>-r<revision>"`; send it back in `If-Match`.
                      schema:
                        type: string
                        pattern: ^"c[0-9]+-r[0-9]+"$
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeContact'
                '400':
                  description: 'Its number has meanwhile been given to another live contact of the caller: `手机号已存在`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '401':
                  description: 'Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization`
                    header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data`
                    null.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '403':
                  description: 'A guest token (principal 0) has no address book: `访客不能使用通讯录`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '404':
                  description: '`联系人不存在`: no such contact in the caller''s trash (live contacts, purged ones, other users'' ids, ids
                    that are not positive integers).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsEnvelopeError'
                '503':
                  description: The database is unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactsUnavailable'
          /api/foundation/audit-logs:
            get:
              operationId: AuditListLogs
              summary: List audit logs with filters
              tags:
              - Audit
              description: Filters are exact matches; an empty value is ignored. Without `organization_id` the `X-Organization-Id`/`Organization-Id`
                header is used; without either, no organisation filter applies. Also served at `/api/foundation/audit-logs/`. Needs
                the bearer token of a user whose role is `admin` or `auditor` (or the same token in the `jwt` query parameter). Authentication
                is checked before any parameter.
              security:
              - bearerAuth: []
              parameters:
              - name: page
                in: query
                required: false
                description: Page number, default 1, 1 to 2147483647 (an empty value means the default). Not an integer → 400 `int_parsing`;
                  out of range → 400 `greater_than_equal`/`less_than_equal`.
                schema:
                  type: integer
                  minimum: 1
                  maximum: 2147483647
                  default: 1
              - name: size
                in: query
                required: false
                description: Page size, default 10, 1 to 100 (an empty value means the default). Not an integer → 400 `int_parsing`;
                  out of range → 400.
                schema:
                  type: integer
                  minimum: 1
                  maximum: 100
                  default: 10
              - name: start_time
                in: query
                required: false
                description: 'Inclusive lower bound on created_at. ISO 8601 date-time: `T` or space separator, seconds and fraction
                  optional, optional `Z` or `±HH[:MM]` offset (converted to UTC). A date alone → 400 `datetime_parsing`. Empty = no
                  bound.'
                schema:
                  type: string
                  pattern: ^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$
                  example: '2024-01-01T00:00:00'
              - name: end_time
                in: query
                required: false
                description: Inclusive upper bound, same format. Before `start_time` → 400 `value_error`.
                schema:
                  type: string
                  pattern: ^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$
                  example: '2024-12-31T23:59:59'
              - name: organization_id
                in: query
                required: false
                description: Exact organisation id.
                schema:
                  type: string
              - name: user_id
                in: query
                required: false
                description: Exact acting user id (external id, or the integer id in decimal).
                schema:
                  type: string
              - name: action
                in: query
                required: false
                description: 'Exact action (`VIEW`, `CREATE`, `UPDATE`, `DELETE`, `LOGIN`, …): 1 to 50 uppercase letters or `_`, else
                  400 `string_pattern_mismatch`.'
                schema:
                  type: string
                  pattern: ^([A-Z_]{1,50})?$
              - name: resource_type
                in: query
                required: false
                description: Exact resource type.
                schema:
                  type: string
              - name: resource_id
                in: query
                required: false
                description: Exact resource id.
                schema:
                  type: string
              - name: category
                in: query
                required: false
                description: Exact category (e.g. `audit_management`, `contact_management`, `authentication`).
                schema:
                  type: string
              - name: status
                in: query
                required: false
                description: '`success` or `failed`; anything else → 400 `enum`.'
                schema:
                  type: string
                  enum:
                  - success
                  - failed
                  - ''
              - name: order_by
                in: query
                required: false
                description: Column to sort by, default `created_at`. One of `id`, `organization_id`, `user_id`, `user_name`, `action`,
                  `resource_type`, `resource_id`, `resource_name`, `category`, `ip_address`, `user_agent`, `request_method`, `request_path`,
                  `status`, `duration_ms`, `created_at`; any other name silently sorts by `created_at`.
                schema:
                  type: string
                  default: created_at
              - name: order_desc
                in: query
                required: false
                description: Descending (default `true`). Accepts, case-insensitively, true/false, 1/0, yes/no, on/off, t/f, y/n;
                  anything else → 400 `bool_parsing`.
                schema:
                  type: string
                  pattern: ^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|1|0|[Yy][Ee][Ss]|[Nn][Oo]|[Oo][Nn]|[Oo][Ff][Ff]|[TtFfYyNn])?$
                  default: 'true'
              - name: X-Organization-Id
                in: header
                required: false
                description: 'The caller''s organisation: used as the `organization_id` filter when that is not given.'
                schema:
                  type: string
              - name: Organization-Id
                in: header
                required: false
                description: Same, read when `X-Organization-Id` is absent.
                schema:
                  type: string
              responses:
                '200':
                  description: A page of rows.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditResultPage'
                '400':
                  description: 'Bad query parameters: every bad one listed as a pydantic-style item.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditValidationError'
                '401':
                  description: 'No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store
                    is unreachable): `{"detail": "需要认证"}`.'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '403':
                  description: 'The token''s role is neither `admin` nor `auditor`: `{"detail": "权限不足"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '500':
                  description: 'The audit store failed: `{"detail": "查询审计日志失败: 数据库不可用"}` when the database is unavailable, else `{"detail":
                    "查询审计日志失败: 内部错误 (request id …)"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
          /api/foundation/audit-logs/export:
            get:
              operationId: AuditExportGet
              summary: GET on the export path (not an export)
              tags:
              - Audit
              description: 'As in seed 002, `GET …/export` is the detail route asked for the id `export`: after the role check it
                always answers 404. Exports are `POST`. Needs the bearer token of a user whose role is `admin` or `auditor` (or the
                same token in the `jwt` query parameter). Authentication is checked before any parameter.'
              security:
              - bearerAuth: []
              responses:
                '401':
                  description: 'No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store
                    is unreachable): `{"detail": "需要认证"}`.'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '403':
                  description: 'The token''s role is neither `admin` nor `auditor`: `{"detail": "权限不足"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'Always: `审计日志不存在`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditNotFound'
            post:
              operationId: AuditExportLogs
              summary: Export audit logs as JSON or CSV text
              tags:
              - Audit
              description: 'Up to 10 000 matching rows, newest first, returned as text inside the `Result` envelope. The rows are
                streamed a page at a time after the 200 status: a store failure mid-way cuts the body short (invalid JSON) instead
                of changing the status. The Content-Type of the request is not checked. Needs the bearer token of a user whose role
                is `admin` or `auditor` (or the same token in the `jwt` query parameter). Authentication is checked before any parameter.'
              security:
              - bearerAuth: []
              parameters:
              - name: X-Organization-Id
                in: header
                required: false
                description: 'The caller''s organisation: used as the `organization_id` filter when that is not given.'
                schema:
                  type: string
              - name: Organization-Id
                in: header
                required: false
                description: Same, read when `X-Organization-Id` is absent.
                schema:
                  type: string
              requestBody:
                required: true
                description: A JSON object (`{}` is fine).
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/AuditExportRequest'
              responses:
                '200':
                  description: The file text.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditResultExport'
                '400':
                  description: 'Refused body: empty (`missing`, loc `["body"]`), not JSON (`json_invalid`), not an object (`model_attributes_type`),
                    a field that is not a string (`string_type`), a bad `action` (`string_pattern_mismatch`), `status` (`enum`), `start_time`/`end_time`
                    (`datetime_parsing`, `value_error`) or `format` (`string_pattern_mismatch`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditValidationError'
                '401':
                  description: 'No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store
                    is unreachable): `{"detail": "需要认证"}`.'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '403':
                  description: 'The token''s role is neither `admin` nor `auditor`: `{"detail": "权限不足"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'Body over MAX_BODY_SIZE: declared `Content-Length` over it → the server''s generic error body; a chunked
                    body growing past it → 413 with an empty body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditServerError'
          /api/foundation/audit-logs/verify:
            get:
              operationId: AuditVerifyChain
              summary: Verify the audit log's hash chain
              tags:
              - Audit
              description: Checks every sealed record against the chain and its head; `problem` says what broke, where. Needs the
                bearer token of a user whose role is `admin` or `auditor` (or the same token in the `jwt` query parameter). Authentication
                is checked before any parameter.
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: The chain's state.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditResultVerification'
                '401':
                  description: 'No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store
                    is unreachable): `{"detail": "需要认证"}`.'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '403':
                  description: 'The token''s role is neither `admin` nor `auditor`: `{"detail": "权限不足"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '500':
                  description: 'The audit store failed: `{"detail": "校验审计日志失败: 数据库不可用"}` when the database is unavailable, else `{"detail":
                    "校验审计日志失败: 内部错误 (request id …)"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
          /api/foundation/audit-logs/users/{user_id}:
            get:
              operationId: AuditListUserLogs
              summary: List one user's audit logs
              tags:
              - Audit
              description: Rows whose `user_id` equals the path value, newest first, no organisation filter. Needs the bearer token
                of a user whose role is `admin` or `auditor` (or the same token in the `jwt` query parameter). Authentication is checked
                before any parameter.
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                description: The acting user's id as recorded (external id, or the integer id in decimal). Any text; an unknown one
                  gives an empty page.
                schema:
                  type: string
              - name: page
                in: query
                required: false
                description: Page number, default 1, 1 to 2147483647 (an empty value means the default). Not an integer → 400 `int_parsing`;
                  out of range → 400 `greater_than_equal`/`less_than_equal`.
                schema:
                  type: integer
                  minimum: 1
                  maximum: 2147483647
                  default: 1
              - name: size
                in: query
                required: false
                description: Page size, default 10, 1 to 100 (an empty value means the default). Not an integer → 400 `int_parsing`;
                  out of range → 400.
                schema:
                  type: integer
                  minimum: 1
                  maximum: 100
                  default: 10
              - name: start_time
                in: query
                required: false
                description: 'Inclusive lower bound on created_at. ISO 8601 date-time: `T` or space separator, seconds and fraction
                  optional, optional `Z` or `±HH[:MM]` offset (converted to UTC). A date alone → 400 `datetime_parsing`. Empty = no
                  bound.'
                schema:
                  type: string
                  pattern: ^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$
                  example: '2024-01-01T00:00:00'
              - name: end_time
                in: query
                required: false
                description: Inclusive upper bound, same format. Before `start_time` → 400 `value_error`.
                schema:
                  type: string
                  pattern: ^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$
                  example: '2024-12-31T23:59:59'
              responses:
                '200':
                  description: A page of rows.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditResultPage'
                '400':
                  description: 'Bad query parameters: every bad one listed as a pydantic-style item.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditValidationError'
                '401':
                  description: 'No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store
                    is unreachable): `{"detail": "需要认证"}`.'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '403':
                  description: 'The token''s role is neither `admin` nor `auditor`: `{"detail": "权限不足"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '500':
                  description: 'The audit store failed: `{"detail": "查询用户审计日志失败: 数据库不可用"}` when the database is unavailable, else
                    `{"detail": "查询用户审计日志失败: 内部错误 (request id …)"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
          /api/foundation/audit-logs/resources/{resource_type}/{resource_id}:
            get:
              operationId: AuditListResourceLogs
              summary: List one resource's audit logs
              tags:
              - Audit
              description: Rows matching both path values, newest first, no organisation filter. Needs the bearer token of a user
                whose role is `admin` or `auditor` (or the same token in the `jwt` query parameter). Authentication is checked before
                any parameter.
              security:
              - bearerAuth: []
              parameters:
              - name: resource_type
                in: path
                required: true
                description: e.g. `contact`, `messages`.
                schema:
                  type: string
              - name: resource_id
                in: path
                required: true
                description: The resource's id as recorded (any text).
                schema:
                  type: string
              - name: page
                in: query
                required: false
                description: Page number, default 1, 1 to 2147483647 (an empty value means the default). Not an integer → 400 `int_parsing`;
                  out of range → 400 `greater_than_equal`/`less_than_equal`.
                schema:
                  type: integer
                  minimum: 1
                  maximum: 2147483647
                  default: 1
              - name: size
                in: query
                required: false
                description: Page size, default 10, 1 to 100 (an empty value means the default). Not an integer → 400 `int_parsing`;
                  out of range → 400.
                schema:
                  type: integer
                  minimum: 1
                  maximum: 100
                  default: 10
              - name: start_time
                in: query
                required: false
                description: 'Inclusive lower bound on created_at. ISO 8601 date-time: `T` or space separator, seconds and fraction
                  optional, optional `Z` or `±HH[:MM]` offset (converted to UTC). A date alone → 400 `datetime_parsing`. Empty = no
                  bound.'
                schema:
                  type: string
                  pattern: ^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$
                  example: '2024-01-01T00:00:00'
              - name: end_time
                in: query
                required: false
                description: Inclusive upper bound, same format. Before `start_time` → 400 `value_error`.
                schema:
                  type: string
                  pattern: ^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$
                  example: '2024-12-31T23:59:59'
              responses:
                '200':
                  description: A page of rows.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditResultPage'
                '400':
                  description: 'Bad query parameters: every bad one listed as a pydantic-style item.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditValidationError'
                '401':
                  description: 'No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store
                    is unreachable): `{"detail": "需要认证"}`.'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '403':
                  description: 'The token''s role is neither `admin` nor `auditor`: `{"detail": "权限不足"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '500':
                  description: 'The audit store failed: `{"detail": "查询资源审计日志失败: 数据库不可用"}` when the database is unavailable, else
                    `{"detail": "查询资源审计日志失败: 内部错误 (request id …)"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
          /api/foundation/audit-logs/{audit_log_id}:
            get:
              operationId: AuditGetLog
              summary: Get one audit log
              tags:
              - Audit
              description: (`verify` and `export` are separate routes.) Needs the bearer token of a user whose role is `admin` or
                `auditor` (or the same token in the `jwt` query parameter). Authentication is checked before any parameter.
              security:
              - bearerAuth: []
              parameters:
              - name: audit_log_id
                in: path
                required: true
                description: The row's id (a UUID string); any other text is simply not found.
                schema:
                  type: string
              responses:
                '200':
                  description: The row.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditResultLog'
                '401':
                  description: 'No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store
                    is unreachable): `{"detail": "需要认证"}`.'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '403':
                  description: 'The token''s role is neither `admin` nor `auditor`: `{"detail": "权限不足"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such row: `审计日志不存在` (envelope plus `detail`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuditNotFound'
                '500':
                  description: 'The audit store failed: `{"detail": "查询审计日志详情失败: 数据库不可用"}` when the database is unavailable, else
                    `{"detail": "查询审计日志详情失败: 内部错误 (request id …)"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
          /api/health:
            get:
              operationId: HealthCheck
              summary: Service and database health
              tags:
              - Health
              description: Public. The seeds' union body plus a database check (its result is reused for one second). Not recorded
                in the audit log.
              security: []
              responses:
                '200':
                  description: Up, database reachable.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/HealthOk'
                '503':
                  description: The database check failed (no `Retry-After`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/HealthUnavailable'
          /api/auth/register:
            post:
              operationId: AuthRegister
              summary: Register an account (union of seeds 001/003)
              tags:
              - Auth
              description: 'Public. Creates a `user`-role account, makes it a member of the public channel (group 1) and logs it in.
                Username and e-mail are trimmed (the emptiness checks run before trimming); the password is not trimmed. `code` (seed
                003''s e-mail code) is ignored. Any Content-Type is read as JSON.


                Checks in order: body not a JSON object → 415; username or password missing/empty → 400; e-mail missing/empty (or
                not a string) → 400; username empty after trim, longer than 50 characters or a deleted account''s name → 400; e-mail
                longer than 120 characters → 400; username taken (case-insensitive) → 400; e-mail taken → 400; password shorter than
                8 characters or longer than 72 bytes → 400.'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/AuthRegisterRequest'
              responses:
                '201':
                  description: Registered and logged in.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthRegisterResponse'
                '400':
                  description: A required field is missing or a value is refused. The "required"/"taken" answers carry `error` and
                    `message` (seed 001 and seed 003 wording); length refusals carry the same text under `error`, `message` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthRegisterError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '415':
                  description: Body empty, not JSON, or not a JSON object.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthRegisterError'
                '503':
                  description: Database unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
          /api/auth/login:
            post:
              operationId: AuthLogin
              summary: Log in by username or e-mail, or as a guest (union of seeds 001/003/004)
              tags:
              - Auth
              description: 'Public. The identifier is the trimmed `username` if non-empty, else the trimmed `email`, matched against
                username or e-mail (case-insensitive). Seed 003''s guest login: no non-empty `username`, the key `email` present (any
                value, even `null`) and `email` or `password` empty (a non-string counts as empty) → a guest token (principal 0) and
                `user_id: 0`, without `username`, `email` or `user`. `captcha` is ignored.


                Failed logins are throttled: 5 failures for one (client address, identifier) or 20 from one address within 60 s →
                429 with `Retry-After` (checked before the password).


                The `user` object is seed 001''s form (integer id, ISO timestamps) for ordinary users and seed 004''s form (string
                id, epoch timestamps, absolute avatar URL) for users with an external id; `userId`/`user_id` follow it.'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/AuthLoginRequest'
              responses:
                '200':
                  description: Logged in (or guest token).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthLoginResponse'
                '400':
                  description: Body not a JSON object, or identifier/password missing or empty.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthUnionError'
                '401':
                  description: Unknown identifier or wrong password (`error`/`detail` "用户名或密码错误", `message` "邮箱或密码错误"), or the account
                    has no password ("账号未设置密码").
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthUnionError'
                '403':
                  description: A seed-004 account that is not an admin ("只有管理员可以登录"), or the account is not active ("账号已被停用").
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthUnionError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '429':
                  description: Too many failed logins.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthThrottleError'
                '503':
                  description: Database unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
          /api/auth/change_password:
            post:
              operationId: AuthChangePassword
              summary: Change the caller's password (seed 001)
              tags:
              - Auth
              description: 'Checks the old password, stores the new one and ends every other session of the user (the current token
                keeps working). Body fields of the wrong type count as missing. A guest token gets 404.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/AuthChangePasswordRequest'
              responses:
                '200':
                  description: Password changed.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthMessage'
                '400':
                  description: '`old_password` or `new_password` missing/empty ("旧密码和新密码都是必需的"), or the new password is shorter than
                    8 characters / longer than 72 bytes.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '401':
                  description: 'Token refused (`{"msg"}`, Flask-JWT-Extended) or the old password is wrong (`{"error": "旧密码错误"}`).'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/FlaskError'
                '404':
                  description: 'The caller has no user row (guest, or gone): `{"error": "用户不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/auth/profile:
            get:
              operationId: AuthProfile
              summary: The caller's account (seed 001)
              tags:
              - Auth
              description: 'Seed 001''s `UserJSON` of the caller (plus role, description and account status).


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: The caller.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthProfileResponse'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '404':
                  description: The caller has no user row (guest, or gone).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/auth/me:
            get:
              operationId: AuthMe
              summary: The caller's account (seed 004)
              tags:
              - Auth
              description: 'Seed 004''s `UserResponse` of the caller: string id (external id, else the integer id in decimal), epoch
                timestamps, absolute avatar URL. Token failures answer in seed 004''s words with `WWW-Authenticate: Bearer`.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: The caller.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthSupportUser'
                '401':
                  description: 'Missing/invalid/expired/revoked token, or the caller has no user row (guest): `{"detail": "用户不存在"}`.
                    Always with `WWW-Authenticate: Bearer`.'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      required: true
                      schema:
                        type: string
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/FastAPIError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/auth/token:
            post:
              operationId: AuthMintToken
              summary: Mint a token for a provisioned user (admin only)
              tags:
              - Auth
              description: 'An admin mints an access token (a new session) for another account, named by its external id or, when
                all digits, its integer id. Validation failures answer seed 004''s 422 envelope.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/AuthMintTokenRequest'
              responses:
                '200':
                  description: The token and the user.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthMintedToken'
                '401':
                  description: 'Missing/invalid/expired/revoked token (`{"detail"}`, `WWW-Authenticate: Bearer`).'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      required: true
                      schema:
                        type: string
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '403':
                  description: The caller is not an admin ("需要管理员权限"), or the account is not active ("账号已被停用").
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such user: `{"detail": "User not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Body missing/not a JSON object, `user_id` missing, not a string, or empty.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthValidationError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/FastAPIError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/auth/logout:
            post:
              operationId: AuthLogout
              summary: End the current session
              tags:
              - Auth
              description: 'Revokes the session the token belongs to; the token is refused afterwards (401 "Token has been revoked").
                No body is read. Guests may log out too.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: 'Logged out: `{"message": "已退出登录"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthMessage'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (`{"msg","error","detail"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/UnionError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/auth/sessions:
            get:
              operationId: AuthListSessions
              summary: The caller's active sessions
              tags:
              - Auth
              description: 'Every unexpired, unrevoked session of the caller (a guest sees only its own), `current` marking the one
                of this token.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: The sessions.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthSessionList'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (`{"msg","error","detail"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/UnionError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/auth/sessions/{id}:
            delete:
              operationId: AuthRevokeSession
              summary: End one of the caller's sessions
              tags:
              - Auth
              description: 'Revokes one active session of the caller (a guest: only its own current one). Someone else''s, an unknown,
                an expired or an already revoked session is 404.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                schema:
                  type: string
                description: The session id (`sessions[].id`, a lower-case UUID); any text is looked up.
              responses:
                '200':
                  description: 'Revoked: `{"message": "会话已注销"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthMessage'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (`{"msg","error","detail"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '404':
                  description: 'No such active session of the caller: "会话不存在" under `error`, `message` and `detail`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthUnionError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/UnionError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/auth/captcha:
            get:
              operationId: AuthCaptcha
              summary: A captcha image (seed 003 helper)
              tags:
              - Auth
              description: Public. A PNG of four random characters as a data URL. Logins do not check it (failed-login throttling
                replaces it), so nothing is kept and nothing is throttled.
              responses:
                '200':
                  description: The captcha.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthCaptcha'
          /api/auth/email-code-status:
            get:
              operationId: AuthEmailCodeStatus
              summary: Seconds until another e-mail code may be sent (seed 003 helper)
              tags:
              - Auth
              description: 'Public. Always `{"remaining": 0}`: registering needs no code, so none is ever pending.'
              parameters:
              - name: email
                in: query
                required: false
                schema:
                  type: string
                description: Seed 003 clients send it; it is not read.
              responses:
                '200':
                  description: Always 0.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthEmailCodeStatus'
          /api/auth/send-email-code:
            post:
              operationId: AuthSendEmailCode
              summary: Pretend to send an e-mail code (seed 003 helper)
              tags:
              - Auth
              description: Public. Checks the e-mail (trimmed) and answers as if a code had been sent; no mail is sent. Errors use
                seed 003's `{"message"}`.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/AuthSendEmailCodeRequest'
              responses:
                '200':
                  description: '"Sent".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthEmailCodeSent'
                '400':
                  description: E-mail missing, empty or not a string ("邮箱不能为空"), or not shaped like an address / longer than 120 characters
                    ("邮箱格式不正确").
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '415':
                  description: 'Body empty, not JSON, or not a JSON object: "请求必须是JSON格式".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
          /api/auth/login-logs:
            get:
              operationId: AuthLoginLogs
              summary: The caller's login attempts (seed 003 login log)
              tags:
              - Auth
              description: 'Newest first. An admin may read any account''s log with `user_id`. Refusals use seed 003''s `{"message"}`;
                token failures seed 003''s Flask-JWT-Extended `{"msg"}` (whose texts name the `jwt` query parameter).


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: query
                required: false
                schema:
                  type: integer
                  minimum: 1
                description: 'Whose log (default: the caller). Another user''s needs the admin role. Empty is ignored; anything else
                  that is not a positive integer → 400.'
              - name: page
                in: query
                required: false
                schema:
                  type: integer
                  minimum: 1
                  default: 1
                description: Page number, 1-based; not a positive integer → 400; values over 1000000 read as 1000000.
              - name: per_page
                in: query
                required: false
                schema:
                  type: integer
                  minimum: 1
                  maximum: 100
                  default: 20
                description: Page size; not a positive integer → 400; values over 100 read as 100.
              responses:
                '200':
                  description: One page of the log.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthLoginLogPage'
                '400':
                  description: '`user_id`, `page` or `per_page` present but not a positive integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '403':
                  description: Guest token ("访客没有登录记录"), or a non-admin asking for someone else's log.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '404':
                  description: 'An admin asked for an unknown user: "用户不存在".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/add:
            post:
              operationId: ChatAddFriend
              summary: Befriend a user by username (seed 001)
              tags:
              - Friends
              description: 'Immediate mutual friendship (no request step). `friend_username` is trimmed and matched case-insensitively
                against usernames (a non-string counts as missing).


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ChatAddFriendRequest'
              responses:
                '200':
                  description: Friends now.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatAddFriendResponse'
                '400':
                  description: '`friend_username` missing/empty ("好友用户名是必需的"), the caller itself ("不能添加自己为好友"), or already friends
                    ("已经是好友了").'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '403':
                  description: 'One of the two blocked the other: "无法添加该用户为好友".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '404':
                  description: 'The caller has no user row, or no user has that username: "用户不存在".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/list:
            get:
              operationId: ChatListFriends
              summary: The caller's friends (seed 001)
              tags:
              - Friends
              description: 'Each friend once, ordered by username.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: The friends.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatFriendList'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '404':
                  description: 'The caller has no user row (guest token, or the account is gone): `{"error": "用户不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/remove:
            post:
              operationId: ChatRemoveFriend
              summary: End a friendship (seed 001)
              tags:
              - Friends
              description: 'Deletes both directions; succeeds even when the two were not friends or the id names nobody.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ChatRemoveFriendRequest'
              responses:
                '200':
                  description: '`{"message": "好友删除成功"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatNotice'
                '400':
                  description: '`friend_id` missing or not a positive integer: "好友ID是必需的".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '404':
                  description: 'The caller has no user row (guest token, or the account is gone): `{"error": "用户不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/search:
            get:
              operationId: ChatSearchUsers
              summary: Search users by username (seed 001)
              tags:
              - Friends
              description: 'Users whose username contains the keyword (case-insensitive, `%`/`_` literal), at most 20, in id order;
                the caller included when it matches.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              parameters:
              - name: keyword
                in: query
                required: true
                schema:
                  type: string
                  pattern: \S
                description: Trimmed; missing or blank → 400.
              responses:
                '200':
                  description: The matches.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatUserList'
                '400':
                  description: '`keyword` missing or blank: "搜索关键词不能为空".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '404':
                  description: 'The caller has no user row (guest token, or the account is gone): `{"error": "用户不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/requests:
            get:
              operationId: ChatListFriendRequests
              summary: The caller's pending friend requests
              tags:
              - Friends
              description: 'Pending requests the caller received (`incoming`) and sent (`outgoing`), oldest first. Refusals use the
                friend-request envelope `{"error","message"}`; token failures Flask-JWT-Extended''s `{"msg"}`.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: The pending requests.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatFriendRequestLists'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '404':
                  description: 'Guest token: `{"error": "用户不存在", "message": "用户不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
            post:
              operationId: ChatSendFriendRequest
              summary: Ask a user to be friends
              tags:
              - Friends
              description: 'Creates a pending request (201) and tells the receiver''s connections (`friend_request_received`). If
                the caller already has a pending request to this user, that one is returned (200); if the receiver had already asked
                the caller, that request is accepted and the two become friends (200, status `accepted`). The receiver is `receiver_id`,
                else `user_id`. After a rejection the same receiver may be asked again only after 24 h; each sender may make 30 requests
                an hour (429 with `Retry-After`).


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ChatFriendRequestCreate'
              responses:
                '200':
                  description: The caller's existing pending request, or the receiver's request now accepted.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatFriendRequest'
                '201':
                  description: A new pending request.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatFriendRequest'
                '400':
                  description: No receiver ("接收者ID是必需的"), the caller itself ("不能添加自己为好友"), or already friends ("已经是好友了").
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '403':
                  description: 'One of the two blocked the other: "无法添加该用户为好友".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '404':
                  description: 'Guest token, or the caller or the receiver has no user row: "用户不存在".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '429':
                  description: 'Rejection cool-down or hourly allowance: "请求过于频繁，请在<n>秒后重试".'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/requests/{id}/accept:
            post:
              operationId: ChatAcceptFriendRequest
              summary: Accept a friend request
              tags:
              - Friends
              description: 'The receiver accepts a pending request; the two become friends. Both users'' connections hear `friend_request_accepted`.
                `id` must be a positive integer; anything else is 404 ("好友请求不存在").


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                schema:
                  type: integer
                  minimum: 1
                description: The request id. Not a positive integer → 404 "好友请求不存在".
              responses:
                '200':
                  description: The request after the change.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatFriendRequest'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '403':
                  description: 'Not the caller''s to accept: "无权处理该好友请求".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '404':
                  description: Guest token ("用户不存在"), or no such request ("好友请求不存在").
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '409':
                  description: 'The request is no longer pending: "该好友请求已处理".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/requests/{id}/reject:
            post:
              operationId: ChatRejectFriendRequest
              summary: Reject a friend request
              tags:
              - Friends
              description: 'The receiver rejects a pending request (the sender may ask again after 24 h). Both users'' connections
                hear `friend_request_rejected`. `id` must be a positive integer; anything else is 404 ("好友请求不存在").


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                schema:
                  type: integer
                  minimum: 1
                description: The request id. Not a positive integer → 404 "好友请求不存在".
              responses:
                '200':
                  description: The request after the change.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatFriendRequest'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '403':
                  description: 'Not the caller''s to reject: "无权处理该好友请求".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '404':
                  description: Guest token ("用户不存在"), or no such request ("好友请求不存在").
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '409':
                  description: 'The request is no longer pending: "该好友请求已处理".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/requests/{id}/decline:
            post:
              operationId: ChatDeclineFriendRequest
              summary: Decline a friend request (same as reject)
              tags:
              - Friends
              description: 'The receiver rejects a pending request; an alias of `reject`. Both users'' connections hear `friend_request_rejected`.
                `id` must be a positive integer; anything else is 404 ("好友请求不存在").


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                schema:
                  type: integer
                  minimum: 1
                description: The request id. Not a positive integer → 404 "好友请求不存在".
              responses:
                '200':
                  description: The request after the change.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatFriendRequest'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '403':
                  description: 'Not the caller''s to decline: "无权处理该好友请求".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '404':
                  description: Guest token ("用户不存在"), or no such request ("好友请求不存在").
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '409':
                  description: 'The request is no longer pending: "该好友请求已处理".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/requests/{id}/cancel:
            post:
              operationId: ChatCancelFriendRequest
              summary: Withdraw a friend request
              tags:
              - Friends
              description: 'The sender withdraws its pending request. Both users'' connections hear `friend_request_cancelled`. `id`
                must be a positive integer; anything else is 404 ("好友请求不存在").


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                schema:
                  type: integer
                  minimum: 1
                description: The request id. Not a positive integer → 404 "好友请求不存在".
              responses:
                '200':
                  description: The request after the change.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatFriendRequest'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '403':
                  description: 'Not the caller''s to cancel: "无权处理该好友请求".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '404':
                  description: Guest token ("用户不存在"), or no such request ("好友请求不存在").
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '409':
                  description: 'The request is no longer pending: "该好友请求已处理".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/blocked:
            get:
              operationId: ChatListBlocked
              summary: Users the caller blocked
              tags:
              - Friends
              description: 'In id order, each with presence (`online`/`offline`).


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: The blocked users.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatBlockedList'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '404':
                  description: 'Guest token: `{"error": "用户不存在", "message": "用户不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/block:
            post:
              operationId: ChatBlockUser
              summary: Block a user
              tags:
              - Friends
              description: 'Ends the friendship, closes pending requests between the two (the blocker''s connections hear `friend_request_rejected`/`friend_request_cancelled`),
                and neither can ask the other until unblocked. Blocking again is harmless.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ChatBlockRequest'
              responses:
                '200':
                  description: Blocked.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatBlockResult'
                '400':
                  description: '`user_id` missing or not a positive integer ("用户ID是必需的"), or the caller itself ("不能添加自己为好友").'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '404':
                  description: 'Guest token, or no such user: "用户不存在".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/block/{user_id}:
            delete:
              operationId: ChatUnblockUser
              summary: Unblock a user
              tags:
              - Friends
              description: 'Removes the caller''s block of the user; succeeds whether or not there was one.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                schema:
                  type: integer
                description: The user to unblock (any integer is accepted). Not an integer → 404 "用户不存在".
              responses:
                '200':
                  description: Unblocked.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatBlockResult'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '404':
                  description: 'Guest token, or `user_id` is not an integer: "用户不存在".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/friend/check/{user_id}:
            get:
              operationId: ChatCheckFriend
              summary: Whether any friendship row exists with a user (seed 003)
              tags:
              - Friends
              description: 'True when a friendship row exists in either direction. Guests may call it (always false). Token failures
                use seed 003''s Flask-JWT-Extended `{"msg"}` texts.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                schema:
                  type: integer
                description: The other user. Not an integer → 404.
              responses:
                '200':
                  description: The answer.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatFriendCheck'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '404':
                  description: '`user_id` is not an integer: `{"error": "用户不存在", "message": "用户不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FriendsError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/message/send:
            post:
              operationId: ChatSendMessage
              summary: Send a direct message to a friend (seed 001)
              tags:
              - Messages
              description: 'Stores the message (content trimmed) and pushes it live to both users'' connections. A repeated `client_msg_id`
                (first 64 characters kept) returns the stored message instead of storing it again.


                Checks in order: `receiver_id` missing/not positive, or `content` missing/not a string/blank → 400; `message_type`
                present but not one of the four → 400; receiver is the caller → 400; content longer than `MAX_MESSAGE_LENGTH` (default
                10000) characters after trimming → 400; not friends → 404 if the receiver does not exist, else 403.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ChatSendMessageRequest'
              responses:
                '200':
                  description: Sent (or the earlier message with the same `client_msg_id`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatSendResult'
                '400':
                  description: '"接收者ID和消息内容都是必需的", "消息类型只能是 text、emoji、image 或 file", "不能给自己发消息" or "消息内容不能超过<n>个字符".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '403':
                  description: 'Not friends: "只能给好友发送消息".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '404':
                  description: Guest token ("用户不存在"), or no such receiver ("接收者不存在").
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/message/history:
            get:
              operationId: ChatMessageHistory
              summary: Direct messages with a friend, paginated (seed 001)
              tags:
              - Messages
              description: 'Page `page` of `per_page` messages counted from the newest, returned oldest first; or, with `before_seq`
                / `after_seq`, up to `per_page` messages before/after that sequence number (then `page` is not used for the offset).
                Side effect: everything the friend sent the caller is marked read (the answer shows it).


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              parameters:
              - name: friend_id
                in: query
                required: true
                schema:
                  type: integer
                  minimum: 1
                description: The friend. Missing, 0 or not an integer → 400.
              - name: page
                in: query
                required: false
                schema:
                  type: integer
                  default: 1
                description: 1-based page; not an integer → 1; below 1 → 1; above 10000000 → 10000000 (lenient, as seed 001).
              - name: per_page
                in: query
                required: false
                schema:
                  type: integer
                  default: 20
                description: Page size; not an integer → 20; 0 or below → 20; above 1000 → 1000 (the value shown in `pagination`).
              - name: before_seq
                in: query
                required: false
                schema:
                  type: integer
                description: Only messages with a smaller sequence number; not an integer → ignored.
              - name: after_seq
                in: query
                required: false
                schema:
                  type: integer
                description: Only messages with a larger sequence number; not an integer → ignored.
              responses:
                '200':
                  description: The page.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatHistory'
                '400':
                  description: '`friend_id` missing or not a positive integer: "好友ID是必需的".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '403':
                  description: 'Not friends (including the caller''s own id): "只能查看好友的聊天记录".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '404':
                  description: 'The caller has no user row (guest token, or the account is gone): `{"error": "用户不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/message/chats:
            get:
              operationId: ChatListChats
              summary: Recent conversations (seed 001)
              tags:
              - Messages
              description: 'One entry per partner the caller exchanged messages with (friendship not required), newest last message
                first. No side effects.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: The conversations.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatChatList'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '404':
                  description: 'The caller has no user row (guest token, or the account is gone): `{"error": "用户不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/message/last:
            get:
              operationId: ChatLastMessage
              summary: The newest message with a friend (seed 001)
              tags:
              - Messages
              description: 'No read-marking. Without messages the answer is `{"message": "暂无消息记录"}`.


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              parameters:
              - name: friend_id
                in: query
                required: true
                schema:
                  type: integer
                  minimum: 1
                description: The friend. Missing, 0 or not an integer → 400.
              responses:
                '200':
                  description: The newest message, or the "no messages" notice.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatLastMessageResponse'
                '400':
                  description: '`friend_id` missing or not a positive integer: "好友ID是必需的".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '403':
                  description: 'Not friends: "只能查看好友的消息".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '404':
                  description: 'The caller has no user row (guest token, or the account is gone): `{"error": "用户不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/message/mark_read:
            post:
              operationId: ChatMarkRead
              summary: Mark a sender's messages to the caller read (seed 001)
              tags:
              - Messages
              description: 'Friendship not required. Answers how many messages became read (0 allowed).


                Token: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there
                is no usable `Authorization` header (AuthMiddleware does this for every route).'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ChatMarkReadRequest'
              responses:
                '200':
                  description: '`{"message": "已标记 N 条消息为已读"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ChatNotice'
                '400':
                  description: '`sender_id` missing or not a positive integer: "发送者ID是必需的".'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '401':
                  description: Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{"msg"}`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '404':
                  description: 'The caller has no user row (guest token, or the account is gone): `{"error": "用户不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: 'Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware
                    (declared `Content-Length`) or while reading the body.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthServerError'
                '422':
                  description: Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{"msg"}`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AuthJWTError'
                '503':
                  description: 'Database unavailable: while checking the token''s session (the family''s token-error envelope) or
                    while handling the request (the server''s generic error body).'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      required: true
                      schema:
                        type: integer
                        minimum: 1
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/AuthJWTError'
                        - $ref: '#/components/schemas/AuthServerError'
          /api/chat/send:
            post:
              operationId: PlatformChatSend
              summary: Send a direct or group message (seed 003)
              description: 'Stores the message once and delivers it live to every connection of every participant (friends only for
                direct messages, members for groups; the public channel, group 1, is joined on the first send). The token decides
                the sender. The body is read as JSON whatever its `Content-Type`. Errors are `{"message"}`. The token is read from
                `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter
                (`?jwt=<token>`, seed 003''s Flask-JWT-Extended setting).'
              tags:
              - Chat
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PlatformSendRequest'
              responses:
                '200':
                  description: The stored message (a retried `client_msg_id` returns the first one).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformMessageREST'
                '400':
                  description: '`Message not sent!`: no destination, unknown `type`, a bad `file_url`, empty or too long content;
                    `不能给自己发消息` (to oneself); `Content is empty` / `Content is too long` for a group.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '401':
                  description: No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query
                    paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose
                    session was revoked (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '403':
                  description: A guest (`访客不能发送消息，请先登录`), a `sender_id` that is not the caller (`发送者与登录用户不符`), not a friend (`只能给好友发消息`),
                    not a member of the group (`You are not in this conversation`), a file of someone else (`只能发送自己上传的文件`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '404':
                  description: Unknown group (`群组不存在`) or receiver (`用户不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '415':
                  description: The body is empty, not JSON or not a JSON object (`请求必须是JSON格式`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '422':
                  description: 'A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not
                    enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other
                    PyJWT texts.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/PlatformTokenError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/chat/receive/{user_id}:
            get:
              operationId: PlatformChatReceive
              summary: Direct messages the caller received (seed 003)
              description: 'The newest 50 direct messages others sent the caller, oldest first. `user_id` must be the caller''s own
                id. Errors are `{"error"}`. The token is read from `Authorization: Bearer <jwt>` or, when that header is absent or
                not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003''s Flask-JWT-Extended setting).'
              tags:
              - Chat
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                description: The caller's own user id. A value that is not an integer, or is not positive, is answered 404.
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              responses:
                '200':
                  description: The messages, oldest first.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformMessageList'
                '401':
                  description: No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query
                    paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose
                    session was revoked (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '403':
                  description: A guest, or another user's id (`只能查看自己收到的消息`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '404':
                  description: '`user_id` is not a positive integer (`用户不存在`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: 'A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not
                    enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other
                    PyJWT texts.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/PlatformTokenError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/chat/history:
            post:
              operationId: PlatformChatHistory
              summary: The latest messages of a group, the public channel or a friend (seed 003)
              description: 'The newest 50 messages, oldest first: of a group the caller is in, of the public channel (group 1, readable
                by guests too), or of the caller''s direct conversation with `friendId`; `[]` when there is none or nothing is asked.
                The body is read as JSON whatever its `Content-Type`. Errors are `{"error"}`. The token is read from `Authorization:
                Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`,
                seed 003''s Flask-JWT-Extended setting).'
              tags:
              - Chat
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PlatformHistoryRequest'
              responses:
                '200':
                  description: The messages, oldest first.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformMessageList'
                '400':
                  description: The body is empty, not JSON or not a JSON object (`请求必须是JSON格式`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '401':
                  description: No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query
                    paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose
                    session was revoked (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '403':
                  description: A group the caller is not in (`无权查看该群组的消息`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '404':
                  description: Unknown or invalid `groupId` (`群组不存在`); an invalid `friendId` (`用户不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: 'A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not
                    enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other
                    PyJWT texts.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/PlatformTokenError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/chat/messages/read/{chat_id}:
            post:
              operationId: PlatformChatMarkRead
              summary: Mark a friend's or a group's messages read (seed 003)
              description: 'Marks read what user `chat_id` sent the caller, and the messages of group `chat_id` when the caller is
                in it; the other side hears a `read` event. Always `{"success": true}` for a signed-in user, even when nothing was
                unread. No body is read. Errors are `{"error"}`. The token is read from `Authorization: Bearer <jwt>` or, when that
                header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003''s Flask-JWT-Extended
                setting).'
              tags:
              - Chat
              security:
              - bearerAuth: []
              parameters:
              - name: chat_id
                in: path
                required: true
                description: A user id or a group id. A value that is not an integer, or is not positive, is answered 404.
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              responses:
                '200':
                  description: Done.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformSuccess'
                '401':
                  description: No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query
                    paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose
                    session was revoked (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '404':
                  description: A guest token (`用户不存在`), or `chat_id` not a positive integer (`会话不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: 'A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not
                    enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other
                    PyJWT texts.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/PlatformTokenError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/chat/messages/unread/count:
            get:
              operationId: PlatformChatUnreadCount
              summary: Unread direct messages per sender (seed 003)
              description: 'Group messages never count. Errors are `{"error"}`. The token is read from `Authorization: Bearer <jwt>`
                or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003''s
                Flask-JWT-Extended setting).'
              tags:
              - Chat
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: '`{"<sender_id>": <count>}`; `{}` when nothing is unread.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformUnreadCounts'
                '401':
                  description: No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query
                    paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose
                    session was revoked (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '404':
                  description: A guest token (`用户不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: 'A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not
                    enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other
                    PyJWT texts.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/PlatformTokenError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/user/status:
            get:
              operationId: PlatformUserStatus
              summary: The caller's presence (seed 003)
              description: '`online` while the caller has an open WebSocket. The token is read from `Authorization: Bearer <jwt>`
                or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003''s
                Flask-JWT-Extended setting).'
              tags:
              - Users
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: The presence.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformUserStatus'
                '401':
                  description: No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query
                    paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose
                    session was revoked (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '404':
                  description: A guest token, or the user no longer exists (`用户不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: 'A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not
                    enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other
                    PyJWT texts.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/PlatformTokenError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/user/friends:
            get:
              operationId: PlatformUserFriends
              summary: The caller's friends (seed 003)
              description: 'Each friend once; `[]` for a guest. The token is read from `Authorization: Bearer <jwt>` or, when that
                header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003''s Flask-JWT-Extended
                setting).'
              tags:
              - Users
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: 'Entries with `type: friend`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformContactList'
                '401':
                  description: No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query
                    paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose
                    session was revoked (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: 'A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not
                    enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other
                    PyJWT texts.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/PlatformTokenError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/user/groups:
            get:
              operationId: PlatformUserGroups
              summary: The caller's groups (seed 003)
              description: 'The groups the caller is a member of, newest first (the public channel included); `[]` for a guest. The
                token is read from `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt`
                query parameter (`?jwt=<token>`, seed 003''s Flask-JWT-Extended setting).'
              tags:
              - Users
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: 'Entries with `type: group`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformContactList'
                '401':
                  description: No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query
                    paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose
                    session was revoked (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: 'A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not
                    enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other
                    PyJWT texts.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/PlatformTokenError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/user/update:
            put:
              operationId: PlatformUserUpdate
              summary: Update the caller's own account
              description: 'Changes the username, e-mail and avatar, checked as at registration; nothing is written when one field
                is refused. Errors are `{"message"}`. The body is read as JSON whatever its `Content-Type`. The token is read from
                `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter
                (`?jwt=<token>`, seed 003''s Flask-JWT-Extended setting).'
              tags:
              - Users
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PlatformAccountUpdateRequest'
              responses:
                '200':
                  description: The account as it is now.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformAccountUpdated'
                '400':
                  description: The body is not a JSON object (`请求必须是JSON对象`); a field of the wrong type (`<field> 必须是字符串`); username
                    empty or over 50 characters, or taken (`用户名已存在`); e-mail empty or over 120 characters, or taken (`邮箱已经存在`); avatar
                    over 255 characters.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '401':
                  description: No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query
                    paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose
                    session was revoked (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '403':
                  description: A guest token (`访客不能修改账户，请先登录`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '404':
                  description: The account no longer exists (`用户不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: 'A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not
                    enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other
                    PyJWT texts.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/PlatformTokenError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/user/delete:
            delete:
              operationId: PlatformUserDelete
              summary: Delete the caller's own account
              description: 'After checking the password: removes the account''s friendships, pending friend requests, blocks, group
                memberships, contacts, quick replies, profile and avatar files, anonymises the account and ends every session (its
                tokens stop working at once). Messages it sent stay, under its deleted name. Errors are `{"message"}`. The body is
                read as JSON whatever its `Content-Type`. The token is read from `Authorization: Bearer <jwt>` or, when that header
                is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003''s Flask-JWT-Extended setting).'
              tags:
              - Users
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PlatformAccountDeleteRequest'
              responses:
                '200':
                  description: The account is deleted.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformAccountDeleted'
                '400':
                  description: The body is not a JSON object (`请求必须是JSON对象`), a field of the wrong type (`<field> 必须是字符串`), or no
                    / an empty password (`请输入密码以确认注销`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '401':
                  description: No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query
                    paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose
                    session was revoked (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '403':
                  description: A guest token (`访客没有账户可注销`), or a wrong password (`密码错误，账户未注销`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '404':
                  description: The account no longer exists (`用户不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: 'A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not
                    enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other
                    PyJWT texts.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/PlatformTokenError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/user/{user_id}:
            get:
              operationId: PlatformUserGet
              summary: A user's name (seed 003, public)
              description: No token needed. The fixed words `status`, `friends`, `groups`, `update` and `delete` are the routes above,
                not user ids.
              tags:
              - Users
              parameters:
              - name: user_id
                in: path
                required: true
                description: The user's integer id. A value that is not an integer, or is not positive, is answered 404.
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              responses:
                '200':
                  description: The user's name.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformUsername'
                '404':
                  description: Unknown user, or not a positive integer (`用户不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '503':
                  description: The database is unavailable (`数据库暂时不可用，请稍后重试`), generic server envelope.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/group/create:
            post:
              operationId: PlatformGroupCreate
              summary: Create a group (seed 003)
              description: 'The token is optional (seed 003 had none): when a valid, non-guest token is sent (header or `?jwt=`) it
                must be `owner_id`''s; a missing, guest or invalid token is not refused and the group is created for `owner_id`. The
                body is read as JSON whatever its `Content-Type`. Errors are `{"error"}`.'
              tags:
              - Groups
              security:
              - {}
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PlatformGroupCreateRequest'
              responses:
                '201':
                  description: Created (`群组创建成功`); the owner is the group's owner member.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroupMembership'
                '400':
                  description: '`name` or `owner_id` missing, empty or invalid (`缺少必要参数`); name over 100 characters; `type` not `public`/`private`;
                    description over 1000 or avatar over 255 characters.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '403':
                  description: A valid non-guest token of another user than `owner_id` (`只能以自己的身份创建群组`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '404':
                  description: '`owner_id` names no user (`用户不存在`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '415':
                  description: The body is empty, not JSON or not a JSON object (`请求必须是JSON格式`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '503':
                  description: The database is unavailable (`数据库暂时不可用，请稍后重试`), generic server envelope.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/group/join:
            post:
              operationId: PlatformGroupJoin
              summary: Join a public group (seed 003)
              description: 'Adds the caller to a public group as a member (201); joining again answers 200. A private group''s members
                are added by its owner or admins (`POST /api/groups/{id}/members`). The new membership reaches the caller''s open
                sockets at once. Errors are `{"error"}`. The token is read from `Authorization: Bearer <jwt>` or, when that header
                is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003''s Flask-JWT-Extended setting).'
              tags:
              - Groups
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PlatformGroupJoinRequest'
                description: A body that is not a JSON object reads as one without `group_id`.
              responses:
                '200':
                  description: Already a member (`已经是群组成员`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroupMembership'
                '201':
                  description: Joined (`加入群组成功`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroupMembership'
                '400':
                  description: No valid `group_id` (`缺少必要参数`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '401':
                  description: No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query
                    paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose
                    session was revoked (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '403':
                  description: A guest token (`访客不能加入群组，请先登录`), or a private group (`该群组是私有群组，需要群主或管理员邀请`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '404':
                  description: Unknown group (`群组不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: 'A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not
                    enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other
                    PyJWT texts.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformTokenError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/PlatformTokenError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/group/{group_id}:
            get:
              operationId: PlatformGroupGet
              summary: A group's details (seed 003, public)
              description: No token needed.
              tags:
              - Groups
              parameters:
              - name: group_id
                in: path
                required: true
                description: The group's id (1 is the public channel). A value that is not an integer, or is not positive, is answered
                  404.
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              responses:
                '200':
                  description: The group.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroupInfo'
                '404':
                  description: Unknown group, or not a positive integer (`群组不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '503':
                  description: The database is unavailable (`数据库暂时不可用，请稍后重试`), generic server envelope.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/groups:
            post:
              operationId: PlatformGroupsCreate
              summary: Create a group
              description: The caller becomes the owner; `member_ids` are added as members, and every member hears `group_updated`.
                The body is read as JSON whatever its `Content-Type`. Errors are `{"msg", "error", "detail"}` with the same text.
                The token may also be given as `?jwt=` (read for every route).
              tags:
              - Groups
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PlatformGroupsCreateRequest'
              responses:
                '201':
                  description: The new group.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroup'
                '400':
                  description: Not a JSON object (`A JSON body is required`), `name is required`, `name must be a string`, `name must
                    not be empty`, `member_ids must be a list of user ids`, `At most 1000 members at once`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '401':
                  description: No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text
                    under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '403':
                  description: '`Guests cannot use groups`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '404':
                  description: A member id names no user (`User <id> not found`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`,
                    ...), under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/UnionError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
            get:
              operationId: PlatformGroupsList
              summary: The caller's groups
              description: Newest first, the public channel included. Errors are `{"msg", "error", "detail"}` with the same text.
                The token may also be given as `?jwt=` (read for every route).
              tags:
              - Groups
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: The groups.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroupList'
                '401':
                  description: No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text
                    under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '403':
                  description: '`Guests cannot use groups`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`,
                    ...), under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/UnionError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/groups/{id}:
            get:
              operationId: PlatformGroupsGet
              summary: A group the caller is in
              description: Errors are `{"msg", "error", "detail"}` with the same text. The token may also be given as `?jwt=` (read
                for every route).
              tags:
              - Groups
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              responses:
                '200':
                  description: The group.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroup'
                '401':
                  description: No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text
                    under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '403':
                  description: '`Guests cannot use groups`, or not a member (`You are not a member of this group`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '404':
                  description: Unknown group or invalid id (`Group not found`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`,
                    ...), under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/UnionError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
            put:
              operationId: PlatformGroupsRename
              summary: Rename a group (owner or admin)
              description: Members hear `group_updated`. The body is read as JSON whatever its `Content-Type`. Errors are `{"msg",
                "error", "detail"}` with the same text. The token may also be given as `?jwt=` (read for every route).
              tags:
              - Groups
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PlatformGroupsRenameRequest'
              responses:
                '200':
                  description: The renamed group.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroup'
                '400':
                  description: '`name is required` (also for a body that is not a JSON object), `name must be a string`, `name must
                    not be empty`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '401':
                  description: No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text
                    under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '403':
                  description: '`Guests cannot use groups`, not a member (`You are not a member of this group`), or a plain member
                    (`Only the owner or an admin may do this`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '404':
                  description: Unknown group or invalid id (`Group not found`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`,
                    ...), under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/UnionError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/groups/{id}/members:
            post:
              operationId: PlatformGroupsAddMembers
              summary: Add members (owner or admin)
              description: Existing members keep their role; only the owner adds admins. Members hear `group_updated`. The body is
                read as JSON whatever its `Content-Type`. Errors are `{"msg", "error", "detail"}` with the same text. The token may
                also be given as `?jwt=` (read for every route).
              tags:
              - Groups
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PlatformGroupsAddMembersRequest'
              responses:
                '200':
                  description: The group with its members.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroup'
                '400':
                  description: Not a JSON object (`A JSON body is required`), `user_ids is required`, `user_ids must be a list of
                    user ids` (also for ids ≤ 0), `role must be member or admin`, `At most 1000 members at once`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '401':
                  description: No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text
                    under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '403':
                  description: '`Guests cannot use groups`, not a member, a plain member, or an admin adding admins (`Only the owner
                    or an admin may do this`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '404':
                  description: Unknown group or invalid id (`Group not found`); a user id names no user (`User <id> not found`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`,
                    ...), under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/UnionError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/groups/{id}/members/{user_id}:
            delete:
              operationId: PlatformGroupsRemoveMember
              summary: Remove a member (owner or admin)
              description: The owner removes anyone but stays while others remain; an admin removes plain members only. The members
                and the removed user hear `group_updated`. A `user_id` that is not an integer is answered 404 before the token is
                checked. Errors are `{"msg", "error", "detail"}` with the same text. The token may also be given as `?jwt=` (read
                for every route).
              tags:
              - Groups
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              - name: user_id
                in: path
                required: true
                description: The member to remove. Any integer is read (one that is not a member is answered 403); a value that is
                  not an integer is answered 404 (`User not found`).
                schema:
                  type: integer
                  format: int64
              responses:
                '200':
                  description: The group without the member.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroup'
                '401':
                  description: No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text
                    under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '403':
                  description: '`Guests cannot use groups`; the caller or `user_id` is not a member (`You are not a member of this
                    group`); not allowed (`Only the owner or an admin may do this`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '404':
                  description: Unknown group or invalid id (`Group not found`); `user_id` not an integer (`User not found`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '409':
                  description: Removing the owner while others remain (`The owner stays while the group has other members`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`,
                    ...), under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/UnionError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/groups/{id}/leave:
            post:
              operationId: PlatformGroupsLeave
              summary: Leave a group
              description: No body is read. The members and the caller hear `group_updated`. Errors are `{"msg", "error", "detail"}`
                with the same text. The token may also be given as `?jwt=` (read for every route).
              tags:
              - Groups
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              responses:
                '200':
                  description: The group without the caller.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroup'
                '401':
                  description: No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text
                    under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '403':
                  description: '`Guests cannot use groups`, or not a member (`You are not a member of this group`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '404':
                  description: Unknown group or invalid id (`Group not found`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '409':
                  description: The owner while others remain (`The owner stays while the group has other members`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`,
                    ...), under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/UnionError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/groups/{id}/messages:
            get:
              operationId: PlatformGroupsMessages
              summary: A group's messages
              description: The newest `limit` messages (before `before_seq` / after `after_seq` when given), oldest first. Errors
                are `{"msg", "error", "detail"}` with the same text. The token may also be given as `?jwt=` (read for every route).
              tags:
              - Groups
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              - name: limit
                in: query
                required: false
                description: How many; clamped to 1–200. A value that is not an integer reads as 50.
                schema:
                  type: integer
                  default: 50
                  minimum: 1
                  maximum: 200
              - name: before_seq
                in: query
                required: false
                description: Only messages with a smaller sequence number. A value that is not an integer is ignored.
                schema:
                  type: integer
                  format: int64
              - name: after_seq
                in: query
                required: false
                description: Only messages with a larger sequence number. A value that is not an integer is ignored.
                schema:
                  type: integer
                  format: int64
              responses:
                '200':
                  description: The messages, oldest first.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroupMessages'
                '401':
                  description: No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text
                    under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '403':
                  description: '`Guests cannot use groups`, or not a member (`You are not a member of this group`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '404':
                  description: Unknown group or invalid id (`Group not found`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`,
                    ...), under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/UnionError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
            post:
              operationId: PlatformGroupsSend
              summary: Send a message to a group
              description: Stored once and delivered live to every member (a retried `client_msg_id` returns the stored message without
                delivering it again). The body is read as JSON whatever its `Content-Type`. Errors are `{"msg", "error", "detail"}`
                with the same text. The token may also be given as `?jwt=` (read for every route).
              tags:
              - Groups
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)
                schema:
                  type: integer
                  format: int64
                  minimum: 1
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PlatformGroupsSendRequest'
              responses:
                '201':
                  description: The stored message.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformGroupMessage'
                '400':
                  description: '`content is required` (also for a body that is not a JSON object), `content must be a string`, `client_msg_id
                    must be a string`, `Content is empty`, `Content is too long`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '401':
                  description: No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text
                    under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '403':
                  description: '`Guests cannot use groups`, or not a member (`You are not a member of this group`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '404':
                  description: Unknown group or invalid id (`Group not found`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '413':
                  description: The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body
                    read grows past it (`请求体过大`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformServerError'
                '422':
                  description: A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`,
                    ...), under `msg`, `error` and `detail`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnionError'
                '503':
                  description: 'The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of
                    this family; while handling the request, in the server''s generic envelope.'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/UnionError'
                        - $ref: '#/components/schemas/PlatformServerError'
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying (always 5).
                      schema:
                        type: integer
          /api/profile/profile:
            get:
              operationId: MediaGetOwnProfile
              summary: The caller's profile, e-mail included
              tags:
              - Profile
              security:
              - bearerAuth: []
              description: Seed 003 (contracts/seed003 §5). The token may also come as `?jwt=`. Guests have no profile (403).
              parameters:
              - name: jwt
                in: query
                required: false
                description: The token, for clients that cannot set a header (read by the global auth middleware when there is no
                  `Authorization` header, or one without the `Bearer` scheme).
                schema:
                  type: string
              responses:
                '200':
                  description: The profile.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaOwnProfile'
                '401':
                  description: Missing token (`Missing JWT in headers or query_string (…)`), a header without the Bearer scheme, an
                    expired token (`Token has expired`) or a revoked session (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaJWTError'
                '422':
                  description: 'A token that cannot be read: `Bearer` with nothing after it, `Not enough segments`, `Signature verification
                    failed`, `Invalid header string`, `Missing claim: sub`, …'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaJWTError'
                '403':
                  description: A guest token (`访客没有个人资料，请先登录`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '404':
                  description: The token's account no longer exists or is deleted (`用户不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '503':
                  description: The database is unavailable (while checking the token, or in the handler).
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/MediaJWTError'
                        - $ref: '#/components/schemas/MediaErrorEnvelope'
            put:
              operationId: MediaUpdateOwnProfile
              summary: Edit the caller's biography, location and phone
              tags:
              - Profile
              security:
              - bearerAuth: []
              description: Absent keys keep their values, `null` clears one, strings are trimmed. A value that is not a string or
                is too long (bio 2000, location 100, phone 20 characters) → 400 and nothing is changed. The body is read as JSON whatever
                its Content-Type. The token may also come as `?jwt=`. The token is checked before the body.
              parameters:
              - name: jwt
                in: query
                required: false
                description: The token, for clients that cannot set a header (read by the global auth middleware when there is no
                  `Authorization` header, or one without the `Bearer` scheme).
                schema:
                  type: string
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/MediaProfileChanges'
              responses:
                '200':
                  description: Updated.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaProfileUpdated'
                '400':
                  description: Body not a JSON object (`请求必须是JSON对象`), a field not a string (`个人简介必须是字符串`, `所在地必须是字符串`, `电话必须是字符串`)
                    or too long (`所在地不能超过100个字符`, …).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '401':
                  description: Missing token (`Missing JWT in headers or query_string (…)`), a header without the Bearer scheme, an
                    expired token (`Token has expired`) or a revoked session (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaJWTError'
                '422':
                  description: 'A token that cannot be read: `Bearer` with nothing after it, `Not enough segments`, `Signature verification
                    failed`, `Invalid header string`, `Missing claim: sub`, …'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaJWTError'
                '403':
                  description: A guest token (`访客没有个人资料，请先登录`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '404':
                  description: The token's account no longer exists or is deleted (`用户不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '413':
                  description: A declared Content-Length over `MAX_BODY_SIZE` (default 1 MiB), refused before the token is checked.
                    (A chunked body that grows past the limit gets 413 with an empty body.)
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaErrorEnvelope'
                '503':
                  description: The database is unavailable (while checking the token, or in the handler).
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/MediaJWTError'
                        - $ref: '#/components/schemas/MediaErrorEnvelope'
          /api/profile/profile/{user_id}:
            get:
              operationId: MediaGetPublicProfile
              summary: Anyone's public profile (no e-mail)
              tags:
              - Profile
              description: 'Public: no token needed (one sent is ignored).'
              parameters:
              - name: user_id
                in: path
                required: true
                description: 'The account''s integer id. Anything that is not a positive integer (`abc`, `0`, `-1`) answers 404 `{"message":
                  "用户不存在"}`, as does an unknown or deleted account.'
                schema:
                  type: integer
                  format: int64
              responses:
                '200':
                  description: The public profile.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaPublicProfile'
                '404':
                  description: No such account (`用户不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '503':
                  description: The database is unavailable.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaErrorEnvelope'
          /api/profile/avatar:
            post:
              operationId: MediaUploadAvatar
              summary: Upload the caller's avatar
              tags:
              - Profile
              security:
              - bearerAuth: []
              description: 'Multipart field `avatar`: a PNG, JPEG, GIF or WebP image, recognised by its first bytes (its declared
                type and file name do not matter), of at most `MAX_AVATAR_SIZE` bytes (default 5 MiB). It is stored as `avatar_<id>.<ext>`
                and the account''s avatar becomes its URL (`<BASE_URL>/api/file/avatar/avatar_<id>.<ext>`). A well-formed multipart
                body without an `avatar` part answers 200 and changes nothing (seed 003). The token may also come as `?jwt=`.'
              parameters:
              - name: jwt
                in: query
                required: false
                description: The token, for clients that cannot set a header (read by the global auth middleware when there is no
                  `Authorization` header, or one without the `Bearer` scheme).
                schema:
                  type: string
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      properties:
                        avatar:
                          type: string
                          format: binary
                          description: The image (PNG, JPEG, GIF or WebP by its magic bytes).
                    encoding:
                      avatar:
                        contentType: image/png, image/jpeg, image/gif, image/webp
              responses:
                '200':
                  description: Stored (`头像上传成功`, with `avatar`), or no `avatar` part (`没有选择头像文件，头像未更改`, without `avatar`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaAvatarUploaded'
                '400':
                  description: 'Not `multipart/form-data` with a boundary (`头像必须以 multipart/form-data 的 avatar 字段上传`), broken multipart
                    framing (`头像上传失败: 请求体不完整`), or not an image (`头像必须是 PNG、JPEG、GIF 或 WebP 图片`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '401':
                  description: Missing token (`Missing JWT in headers or query_string (…)`), a header without the Bearer scheme, an
                    expired token (`Token has expired`) or a revoked session (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaJWTError'
                '422':
                  description: 'A token that cannot be read: `Bearer` with nothing after it, `Not enough segments`, `Signature verification
                    failed`, `Invalid header string`, `Missing claim: sub`, …'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaJWTError'
                '403':
                  description: A guest token (`访客没有个人资料，请先登录`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '404':
                  description: The token's account no longer exists or is deleted (`用户不存在`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlatformError'
                '413':
                  description: 'The `avatar` part passed `MAX_AVATAR_SIZE` while streaming (`{"message": "头像文件不能超过<n>字节"}`), or a
                    declared Content-Length over `MAX_AVATAR_SIZE` + 64 KiB, refused before the token is checked (the generic envelope).'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/PlatformError'
                        - $ref: '#/components/schemas/MediaErrorEnvelope'
                '503':
                  description: The database is unavailable (while checking the token, or in the handler).
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/MediaJWTError'
                        - $ref: '#/components/schemas/MediaErrorEnvelope'
          /api/file/avatar/{path}:
            get:
              operationId: MediaGetAvatar
              summary: An avatar image
              tags:
              - Files
              description: 'Public. Served from the avatar folder with its real type (by its first bytes), `Cache-Control: no-cache`,
                `X-Content-Type-Options: nosniff`. A user''s avatar is also found under another image extension (`avatar_5.jpg` serves
                `avatar_5.png`). Seed 004''s default avatars (`admin.png`, `buyer1.png`, …) are served here too.'
              parameters:
              - name: path
                in: path
                required: true
                description: 'The rest of the path (Hummingbird `**`): one plain file name — ASCII letters, digits, `.`, `_`, `-`,
                  at most 128 characters, no leading dot. Anything else (several segments, separators, `..`) answers 404.'
                schema:
                  type: string
                  minLength: 1
              responses:
                '200':
                  description: The image.
                  headers:
                    Cache-Control:
                      schema:
                        type: string
                        const: no-cache
                  content:
                    image/png:
                      schema:
                        type: string
                        format: binary
                    image/jpeg:
                      schema:
                        type: string
                        format: binary
                    image/gif:
                      schema:
                        type: string
                        format: binary
                    image/webp:
                      schema:
                        type: string
                        format: binary
                '404':
                  description: 'No such avatar, a name that is not plain, or a file that is not an image (`{"error": "Avatar not found"}`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
          /api/file/uploads/{path}:
            get:
              operationId: MediaDownloadUpload
              summary: Download a file sent over the socket (or uploaded)
              tags:
              - Files
              description: 'Files under `MEDIA_DIR/uploads`. Chat files sent in chunks over the WebSocket (contracts/seed003 §7.3)
                are served only with the signed `file_url` their message carried to the conversation''s participants (`/uploads/chat/<file_id>?expires=<epoch>&signature=<hex>`,
                downloaded as `/api/file` + it; valid seven to eight days; histories sign afresh), or to the token (`Authorization: Bearer`
                or `?jwt=`) of their sender, an admin, or a member of a conversation where a message carries the file (the attachment
                the server linked to the message when it was the sender''s own); otherwise 403. A recorded chat file answers with its sniffed type, `nosniff`,
                its SHA-256 as `ETag` (`If-None-Match` → 304) and one `Range` (206, 416). Files of `/api/upload/*` (`YYYY/MM/DD/<name>`)
                are public, as under `/api/media/`. A finished resumable upload sent as a file message (`files/<upload id>/<name>`)
                follows the chat files'' rule with its owner in place of the sender. Resumable uploads'' own folder (`tus/…`) and
                unfinished transfers (`partial/…`) are never served here (404).'
              parameters:
              - name: path
                in: path
                required: true
                description: The rest of the path (Hummingbird `**`), one or more segments under `uploads/`, each percent-decoded;
                  a segment that is empty, `.`, `..`, starts with a dot or decodes to something holding `/` answers 404.
                schema:
                  type: string
                  minLength: 1
              - name: expires
                in: query
                required: false
                description: The signed URL's expiry (epoch seconds).
                schema:
                  type: string
              - name: signature
                in: query
                required: false
                description: The signed URL's HMAC-SHA256, hex.
                schema:
                  type: string
              - name: jwt
                in: query
                required: false
                description: The token, for clients that cannot set a header.
                schema:
                  type: string
              - name: Range
                in: header
                required: false
                schema:
                  type: string
              responses:
                '200':
                  description: The file's bytes.
                  headers:
                    Content-Disposition:
                      description: '`attachment; filename*=UTF-8''''<name>` (with an ASCII `filename` too for recorded chat files)'
                      schema:
                        type: string
                  content:
                    application/octet-stream:
                      schema:
                        type: string
                        format: binary
                    '*/*':
                      schema:
                        type: string
                        format: binary
                '206':
                  description: The range asked for (recorded chat files).
                  content:
                    '*/*':
                      schema:
                        type: string
                        format: binary
                '304':
                  description: The `If-None-Match` ETag is current.
                '403':
                  description: A chat file without a valid signature, and without the token of its sender, an admin, or a member of a conversation where a message carries it.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '404':
                  description: 'No such file, a directory, or a refused path (`{"error": "File not found"}`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '416':
                  description: The range makes no sense or starts past the end.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
          /api/upload/image:
            post:
              operationId: MediaUploadImage
              summary: Upload an image (seed 004)
              tags:
              - Files
              security:
              - bearerAuth: []
              description: 'Multipart field `file` (the first part of that name; other parts are skipped), streamed to disk and refused
                as soon as it passes `MAX_FILE_SIZE` (default 10 MiB). Allowed: image/jpeg, image/png, image/gif, image/webp. The
                part''s declared Content-Type must be one of them, its file name''s extension must fit it (jpg/jpeg, png, gif, webp)
                and its first bytes must match it (magic bytes; valid UTF-8 without NUL for text). Stored as `MEDIA_DIR/uploads/YYYY/MM/DD/<32
                random hex digits>.<ext>` (local date) and served at `/api/media/uploads/…`. The token is checked before the body;
                it may also come as `?jwt=`.'
              parameters:
              - name: jwt
                in: query
                required: false
                description: The token, for clients that cannot set a header (read by the global auth middleware when there is no
                  `Authorization` header, or one without the `Bearer` scheme).
                schema:
                  type: string
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required:
                      - file
                      properties:
                        file:
                          type: string
                          format: binary
                          description: The file, with a file name and a Content-Type.
                    encoding:
                      file:
                        contentType: image/jpeg, image/png, image/gif, image/webp
              responses:
                '200':
                  description: Stored.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaUploadResult'
                '400':
                  description: '`{"detail": "Invalid file type"}` (declared type, extension or first bytes not allowed) or `{"detail":
                    "File too large"}` (the part passed `MAX_FILE_SIZE`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '401':
                  description: Missing or refused token (`缺少认证信息`, `无效的认证格式`, `无效的认证方式`, `Token 数据不完整`, `Token 无效或已过期`).
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'A declared Content-Length over `MAX_FILE_SIZE` + 64 KiB, refused before anything is read (before the
                    token is checked); or, with `USER_STORAGE_QUOTA`, the user''s stored files would exceed it (`{"detail": "Storage
                    quota exceeded: …"}`).'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/MediaErrorEnvelope'
                        - $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'No `file` part with a file name: the body is not `multipart/form-data` with a boundary, is malformed,
                    or has no such part (`errors: ["file: Field required"]`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaValidationError'
                '503':
                  description: The database is unavailable while checking the token.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
          /api/upload/file:
            post:
              operationId: MediaUploadFile
              summary: Upload an image or a document (seed 004)
              tags:
              - Files
              security:
              - bearerAuth: []
              description: 'Multipart field `file` (the first part of that name; other parts are skipped), streamed to disk and refused
                as soon as it passes `MAX_FILE_SIZE` (default 10 MiB). Allowed: image/jpeg, image/png, image/gif, image/webp, application/pdf,
                application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.ms-excel,
                application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/plain. The part''s declared Content-Type must
                be one of them, its file name''s extension must fit it (jpg/jpeg, png, gif, webp, pdf, doc, docx, xls, xlsx, txt/text/log/csv/md)
                and its first bytes must match it (magic bytes; valid UTF-8 without NUL for text). Stored as `MEDIA_DIR/uploads/YYYY/MM/DD/<32
                random hex digits>.<ext>` (local date) and served at `/api/media/uploads/…`. The token is checked before the body;
                it may also come as `?jwt=`.'
              parameters:
              - name: jwt
                in: query
                required: false
                description: The token, for clients that cannot set a header (read by the global auth middleware when there is no
                  `Authorization` header, or one without the `Bearer` scheme).
                schema:
                  type: string
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required:
                      - file
                      properties:
                        file:
                          type: string
                          format: binary
                          description: The file, with a file name and a Content-Type.
                    encoding:
                      file:
                        contentType: image/jpeg, image/png, image/gif, image/webp, application/pdf, application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document,
                          application/vnd.ms-excel, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/plain
              responses:
                '200':
                  description: Stored.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaUploadResult'
                '400':
                  description: '`{"detail": "Invalid file type"}` (declared type, extension or first bytes not allowed) or `{"detail":
                    "File too large"}` (the part passed `MAX_FILE_SIZE`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '401':
                  description: Missing or refused token (`缺少认证信息`, `无效的认证格式`, `无效的认证方式`, `Token 数据不完整`, `Token 无效或已过期`).
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'A declared Content-Length over `MAX_FILE_SIZE` + 64 KiB, refused before anything is read (before the
                    token is checked); or, with `USER_STORAGE_QUOTA`, the user''s stored files would exceed it (`{"detail": "Storage
                    quota exceeded: …"}`).'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/MediaErrorEnvelope'
                        - $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'No `file` part with a file name: the body is not `multipart/form-data` with a boundary, is malformed,
                    or has no such part (`errors: ["file: Field required"]`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaValidationError'
                '503':
                  description: The database is unavailable while checking the token.
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
          /api/files/:
            options:
              operationId: TusOptions
              summary: What the resumable upload server supports (tus 1.0)
              tags:
              - Files
              description: 'No token needed. `Tus-Version: 1.0.0`, `Tus-Extension: creation,termination,checksum,expiration`, `Tus-Max-Size`
                (`MAX_UPLOAD_SIZE`) and `Tus-Checksum-Algorithm: sha1,sha256,md5`.'
              responses:
                '204':
                  description: The capabilities, in headers.
                  headers:
                    Tus-Version:
                      schema:
                        type: string
                    Tus-Extension:
                      schema:
                        type: string
                    Tus-Max-Size:
                      schema:
                        type: integer
                    Tus-Checksum-Algorithm:
                      schema:
                        type: string
            post:
              operationId: TusCreate
              summary: Create a resumable upload (tus 1.0 creation)
              tags:
              - Files
              security:
              - bearerAuth: []
              description: 'Needs `Tus-Resumable: 1.0.0` (else 412 with `Tus-Version`) and `Upload-Length` (decimal bytes, at most
                `MAX_UPLOAD_SIZE`, default 1 GiB; `Upload-Defer-Length` is not supported). `Upload-Metadata` is comma-separated `key
                base64value` pairs; `filename` (no path separators or control characters, at most 255 bytes) names the download, `filetype`
                is kept. With `USER_STORAGE_QUOTA` set, the user''s attachments plus unfinished uploads plus this length must fit (413).
                No body (creation-with-upload is not offered). Answers 201 with `Location: /api/files/<32 hex digits>`; the upload
                belongs to the caller and expires `UPLOAD_EXPIRY_HOURS` after its last piece. Every answer carries `Tus-Resumable: 1.0.0`.'
              parameters:
              - $ref: '#/components/parameters/TusResumable'
              - name: Upload-Length
                in: header
                required: true
                schema:
                  type: string
                  pattern: ^[0-9]{1,18}$
              - name: Upload-Metadata
                in: header
                required: false
                schema:
                  type: string
              - name: jwt
                in: query
                required: false
                description: The token, for clients that cannot set a header.
                schema:
                  type: string
              responses:
                '201':
                  description: Created.
                  headers:
                    Location:
                      description: '`/api/files/<id>` (after `BASE_URL` when set).'
                      schema:
                        type: string
                    Upload-Expires:
                      schema:
                        type: string
                    Upload-Offset:
                      schema:
                        type: integer
                '400':
                  description: '`Upload-Length` missing or not a non-negative whole number, `Upload-Defer-Length` sent, a body sent, or
                    `Upload-Metadata` malformed (not `key base64` pairs, a key twice, a file name with a path separator or a control character).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '401':
                  description: Missing or refused token.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '412':
                  description: '`Tus-Resumable` missing or not `1.0.0`; `Tus-Version` names the version served.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '413':
                  description: '`Upload-Length` over `MAX_UPLOAD_SIZE` (with `Tus-Max-Size`), or the storage quota exceeded.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '503':
                  description: The database is unavailable.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
          /api/files/{id}:
            parameters:
            - name: id
              in: path
              required: true
              description: The upload's id, 32 lower-case hex digits.
              schema:
                type: string
            options:
              operationId: TusOptionsUpload
              summary: What the resumable upload server supports (tus 1.0), at an upload's URL
              tags:
              - Files
              responses:
                '204':
                  description: The capabilities, in headers (as for `/api/files/`).
            head:
              operationId: TusOffset
              summary: Where a resumable upload stands
              tags:
              - Files
              security:
              - bearerAuth: []
              description: '`Upload-Offset` (bytes stored), `Upload-Length`, `Upload-Metadata` as given, `Upload-Expires` while unfinished,
                `Cache-Control: no-store`. Another user''s upload is 404, as is an unknown id.'
              parameters:
              - $ref: '#/components/parameters/TusResumable'
              - name: jwt
                in: query
                required: false
                schema:
                  type: string
              responses:
                '200':
                  description: The state, in headers; no body.
                  headers:
                    Upload-Offset:
                      schema:
                        type: integer
                    Upload-Length:
                      schema:
                        type: integer
                '401':
                  description: Missing or refused token.
                '404':
                  description: No such upload of the caller.
                '412':
                  description: '`Tus-Resumable` missing or not `1.0.0`.'
                '503':
                  description: The database is unavailable.
            patch:
              operationId: TusPatch
              summary: Append a piece to a resumable upload
              tags:
              - Files
              security:
              - bearerAuth: []
              description: '`Content-Type: application/offset+octet-stream` (else 415) and `Upload-Offset` equal to the upload''s offset
                (else 409 with the current `Upload-Offset`; nothing written). The body streams to disk at the offset; the offset moves
                only after the bytes are synced, so an acknowledged piece is never lost and a refused one is never visible. Optional
                `Upload-Checksum: <sha1|sha256|md5> <base64>` over the piece: a mismatch answers 460 and discards the piece. A piece
                longer than what is left of `Upload-Length` answers 413 and is discarded. Another PATCH of the same upload in progress
                (from any server process) answers 409. A client that goes away mid-piece keeps what arrived (unless it sent a checksum).
                The last piece makes the upload an attachment (type sniffed from its first bytes, SHA-256).'
              parameters:
              - $ref: '#/components/parameters/TusResumable'
              - name: Upload-Offset
                in: header
                required: true
                schema:
                  type: string
                  pattern: ^[0-9]{1,18}$
              - name: Upload-Checksum
                in: header
                required: false
                schema:
                  type: string
              - name: jwt
                in: query
                required: false
                schema:
                  type: string
              requestBody:
                required: true
                content:
                  application/offset+octet-stream:
                    schema:
                      type: string
                      format: binary
              responses:
                '204':
                  description: Stored; `Upload-Offset` is the new offset (and `Upload-Expires` while unfinished).
                  headers:
                    Upload-Offset:
                      schema:
                        type: integer
                '400':
                  description: '`Upload-Offset` missing or malformed, or `Upload-Checksum` malformed or of an unsupported algorithm.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '401':
                  description: Missing or refused token.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '404':
                  description: No such upload of the caller.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '409':
                  description: The offset differs from the upload's, another PATCH holds it, or it is complete.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '412':
                  description: '`Tus-Resumable` missing or not `1.0.0`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '413':
                  description: The piece goes past `Upload-Length`, or the body is larger than `MAX_UPLOAD_SIZE`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '415':
                  description: The Content-Type is not `application/offset+octet-stream`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '460':
                  description: Checksum Mismatch; the piece was discarded.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '503':
                  description: The database is unavailable.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
            delete:
              operationId: TusTerminate
              summary: Remove a resumable upload (tus termination)
              tags:
              - Files
              security:
              - bearerAuth: []
              description: The upload, its bytes and (when finished) its attachment are removed.
              parameters:
              - $ref: '#/components/parameters/TusResumable'
              - name: jwt
                in: query
                required: false
                schema:
                  type: string
              responses:
                '204':
                  description: Removed.
                '401':
                  description: Missing or refused token.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '404':
                  description: No such upload of the caller.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '412':
                  description: '`Tus-Resumable` missing or not `1.0.0`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '503':
                  description: The database is unavailable.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
            get:
              operationId: TusDownload
              summary: Download a finished resumable upload (its owner)
              tags:
              - Files
              security:
              - bearerAuth: []
              description: 'The bytes with the sniffed `Content-Type`, `X-Content-Type-Options: nosniff`, the SHA-256 as a strong `ETag`
                (`If-None-Match` → 304), `Content-Disposition: attachment` with the original name (`filename*`, RFC 6266) and `Accept-Ranges:
                bytes`. One `Range: bytes=first-last|first-|-suffix` → 206 with `Content-Range`; a range that makes no sense or starts
                past the end → 416 with `Content-Range: bytes */<size>`; several ranges or another unit → the whole file. No `Tus-Resumable`
                needed.'
              parameters:
              - name: Range
                in: header
                required: false
                schema:
                  type: string
              - name: If-None-Match
                in: header
                required: false
                schema:
                  type: string
              - name: jwt
                in: query
                required: false
                schema:
                  type: string
              responses:
                '200':
                  description: The whole file.
                  content:
                    application/octet-stream:
                      schema:
                        type: string
                        format: binary
                '206':
                  description: The range asked for.
                  content:
                    application/octet-stream:
                      schema:
                        type: string
                        format: binary
                '304':
                  description: The `If-None-Match` ETag is current.
                '401':
                  description: Missing or refused token.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '404':
                  description: No such upload of the caller.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '409':
                  description: The upload is not complete (`Upload-Offset` says how far it is).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '416':
                  description: The range makes no sense or starts past the end.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
                '503':
                  description: The database is unavailable.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileError'
          /api/ai/suggest/stream:
            post:
              operationId: AISuggestStream
              summary: Stream a suggested next reply (server-sent events)
              tags:
              - AI
              security:
              - bearerAuth: []
              description: 'Seed 003 §6. Checks, in order: token (401/422), guest (403), Content-Type (415 when present and not JSON),
                body (400 `No JSON data provided` when empty, `{}` or not an object; `Invalid JSON body`), `model` (400 `Invalid model`),
                `current_user_id` (400 when missing or falsy; 403 `只能为自己请求回复建议` when it is not the caller), the transcript (`messages`
                or `conversation`), then the per-user quota (`AI_REQUESTS_PER_MINUTE`, 429). The token may also come as `?jwt=`.'
              parameters:
              - name: jwt
                in: query
                required: false
                description: The token, for clients that cannot set a header (read by the global auth middleware when there is no
                  `Authorization` header, or one without the `Bearer` scheme).
                schema:
                  type: string
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/AISuggestRequest'
              responses:
                '200':
                  description: The suggestion's events.
                  headers:
                    X-Suggestion-Id:
                      description: The suggestion's id (a lower-case UUID), for `GET /api/ai/suggestions/{id}/stream`.
                      schema:
                        type: string
                    Cache-Control:
                      schema:
                        type: string
                        const: no-cache
                  content:
                    text/event-stream:
                      schema:
                        type: string
                        description: 'Events `id: <n>\ndata: {"content": "<fragment>"}\n\n` (fragments to concatenate) or `id: <n>\ndata:
                          {"error": "<text>"}\n\n` (`Failed to get AI response` when the provider failed before the first fragment
                          or none is configured; `The suggestion was abandoned`; other texts mid-stream), and `: keep-alive` comment
                          lines after 15 s of silence. No `[DONE]`: the stream ends.'
                '400':
                  description: '`No JSON data provided`, `Invalid JSON body`, `Invalid model`, `current_user_id is required`, `messages
                    is required`, `messages must be a list`, `messages has no message with a sender_id and content`, `Send messages
                    or conversation, not both`, `conversation must name friend_id or group_id`, `The conversation has no messages
                    yet`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '401':
                  description: Missing token (`Missing JWT in headers or query_string (…)`), a header without the Bearer scheme, an
                    expired token (`Token has expired`) or a revoked session (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaJWTError'
                '422':
                  description: 'A token that cannot be read: `Bearer` with nothing after it, `Not enough segments`, `Signature verification
                    failed`, `Invalid header string`, `Missing claim: sub`, …'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaJWTError'
                '403':
                  description: A guest (`访客不能使用AI回复建议，请先登录`), `current_user_id` of someone else (`只能为自己请求回复建议`), or a named group
                    the caller is not in (`无权查看该群组的消息`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '404':
                  description: '`conversation` names an unknown group (`群组不存在`) or a friend with no conversation (`会话不存在`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '413':
                  description: A declared Content-Length over `MAX_BODY_SIZE` (default 1 MiB), refused before the token is checked.
                    (A chunked body that grows past the limit gets 413 with an empty body.)
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaErrorEnvelope'
                '415':
                  description: A Content-Type that does not contain `json` (`Content-Type must be application/json`). No Content-Type
                    is accepted.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '429':
                  description: Too many suggestions started in the last minute (`AI 请求过于频繁，请 <n> 秒后再试`).
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '503':
                  description: The database is unavailable (while checking the token, or in the handler).
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/MediaJWTError'
                        - $ref: '#/components/schemas/MediaErrorEnvelope'
          /api/ai/suggestions/{id}/stream:
            get:
              operationId: AIResumeSuggestionStream
              summary: Resume a suggestion's events after a dropped connection
              tags:
              - AI
              security:
              - bearerAuth: []
              description: The events after `Last-Event-ID` (header, else `?last_event_id=`, else 0), then the rest live. Only the
                user who started the suggestion; suggestions are kept by the process that started them, for 5 minutes after they end.
                The token may also come as `?jwt=`.
              parameters:
              - name: id
                in: path
                required: true
                description: The suggestion id from `X-Suggestion-Id` (a lower-case UUID); any other text is 404.
                schema:
                  type: string
              - name: Last-Event-ID
                in: header
                required: false
                description: The last event id received; takes precedence over `last_event_id`. Not a whole number ≥ 0 → 400.
                schema:
                  type: integer
                  minimum: 0
              - name: last_event_id
                in: query
                required: false
                description: The last event id received, when the header cannot be set. Not a whole number ≥ 0 → 400.
                schema:
                  type: integer
                  minimum: 0
                  default: 0
              - name: jwt
                in: query
                required: false
                description: The token, for clients that cannot set a header (read by the global auth middleware when there is no
                  `Authorization` header, or one without the `Bearer` scheme).
                schema:
                  type: string
              responses:
                '200':
                  description: The events after the one named, then the rest live.
                  headers:
                    X-Suggestion-Id:
                      description: The suggestion's id (a lower-case UUID), for `GET /api/ai/suggestions/{id}/stream`.
                      schema:
                        type: string
                    Cache-Control:
                      schema:
                        type: string
                        const: no-cache
                  content:
                    text/event-stream:
                      schema:
                        type: string
                        description: 'Events `id: <n>\ndata: {"content": "<fragment>"}\n\n` (fragments to concatenate) or `id: <n>\ndata:
                          {"error": "<text>"}\n\n` (`Failed to get AI response` when the provider failed before the first fragment
                          or none is configured; `The suggestion was abandoned`; other texts mid-stream), and `: keep-alive` comment
                          lines after 15 s of silence. No `[DONE]`: the stream ends.'
                '400':
                  description: '`Last-Event-ID must be a whole number`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '401':
                  description: Missing token (`Missing JWT in headers or query_string (…)`), a header without the Bearer scheme, an
                    expired token (`Token has expired`) or a revoked session (`Token has been revoked`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaJWTError'
                '422':
                  description: 'A token that cannot be read: `Bearer` with nothing after it, `Not enough segments`, `Signature verification
                    failed`, `Invalid header string`, `Missing claim: sub`, …'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaJWTError'
                '403':
                  description: A guest (`访客不能使用AI回复建议，请先登录`) or another user's suggestion (`只能继续自己的回复建议`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '404':
                  description: Unknown or expired suggestion (`Suggestion not found`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FlaskError'
                '503':
                  description: The database is unavailable (while checking the token, or in the handler).
                  headers:
                    Retry-After:
                      description: Seconds to wait before retrying.
                      schema:
                        type: integer
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MediaJWTError'
          /api/ws:
            get:
              operationId: MediaWebSocket
              summary: The WebSocket (seed 003 events and seed 004 frames)
              tags:
              - Realtime
              security:
              - bearerAuth: []
              - {}
              description: 'contracts/README §1.5. Only a WebSocket upgrade (`Connection: Upgrade`, `Upgrade: websocket`, `Sec-WebSocket-Version:
                13`, `Sec-WebSocket-Key`) on a connection''s first request opens the socket (101). The token is the `Authorization:
                Bearer` header or `?jwt=`, else `?token=`; it is checked after the handshake: a missing one closes with 1008 `Missing
                token`, a bad or expired one 1008 `Invalid token`, a token whose user no longer exists 1008 `User not found`. Seed-004
                users (with an external id) get flat frames, everyone else `{"type", "data"}` envelopes. A plain GET without an upgrade
                is answered 200 with an empty body, token or not.'
              parameters:
              - name: token
                in: query
                required: false
                description: 'The JWT, when no `Authorization: Bearer` header (or `?jwt=`) carried a valid one. Only looked at on
                  an upgrade.'
                schema:
                  type: string
              - name: resume
                in: query
                required: false
                description: '`<conversation>:<seq>,…` (e.g. `12:40,15:3`): replays what was missed in those conversations while connecting.
                  Malformed pairs are ignored; more than 1000 conversations ignores all.'
                schema:
                  type: string
              - name: jwt
                in: query
                required: false
                description: The token, for clients that cannot set a header (read by the global auth middleware when there is no
                  `Authorization` header, or one without the `Bearer` scheme).
                schema:
                  type: string
              responses:
                '101':
                  description: 'Switching Protocols: the WebSocket is open (authentication follows; refusals are close frames with
                    code 1008).'
                  headers:
                    Upgrade:
                      schema:
                        type: string
                        const: websocket
                    Sec-WebSocket-Accept:
                      schema:
                        type: string
                '200':
                  description: 'A plain HTTP GET (no upgrade headers): empty body, no Content-Type, whatever the token.'
                '307':
                  description: 'An upgrade asked on a connection that already served a request: redirect to the same URL with `Connection:
                    close`, so the client retries on a new connection. Empty body.'
                  headers:
                    Location:
                      schema:
                        type: string
                '400':
                  description: 'An upgrade the router declined (e.g. a declared body over `MAX_BODY_SIZE`): empty body, `Connection:
                    close`.'
          /api/ws/{user_id}:
            get:
              operationId: MediaWebSocketForUser
              summary: The WebSocket (seed 003 events and seed 004 frames) for a named user
              tags:
              - Realtime
              security:
              - bearerAuth: []
              - {}
              description: 'contracts/README §1.5. Only a WebSocket upgrade (`Connection: Upgrade`, `Upgrade: websocket`, `Sec-WebSocket-Version:
                13`, `Sec-WebSocket-Key`) on a connection''s first request opens the socket (101). The token is the `Authorization:
                Bearer` header or `?jwt=`, else `?token=`; it is checked after the handshake: a missing one closes with 1008 `Missing
                token`, a bad or expired one 1008 `Invalid token`, a mismatch with `{user_id}` 1008 `Token does not match user`, an
                unknown user 1008 `User not found`. Seed-004 users (with an external id) get flat frames, everyone else `{"type",
                "data"}` envelopes. A plain GET without an upgrade is answered 200 with an empty body, token or not.'
              parameters:
              - name: user_id
                in: path
                required: true
                description: 'Who connects: a seed-004 external id (`b1`), else the integer id in decimal (an all-digit id matching
                  no external id is the integer id); `0` for a guest token. Checked after the handshake: an unknown user closes with
                  1008 `User not found`, another user''s token with 1008 `Token does not match user`.'
                schema:
                  type: string
              - name: token
                in: query
                required: false
                description: 'The JWT, when no `Authorization: Bearer` header (or `?jwt=`) carried a valid one. Only looked at on
                  an upgrade.'
                schema:
                  type: string
              - name: resume
                in: query
                required: false
                description: '`<conversation>:<seq>,…` (e.g. `12:40,15:3`): replays what was missed in those conversations while connecting.
                  Malformed pairs are ignored; more than 1000 conversations ignores all.'
                schema:
                  type: string
              - name: jwt
                in: query
                required: false
                description: The token, for clients that cannot set a header (read by the global auth middleware when there is no
                  `Authorization` header, or one without the `Bearer` scheme).
                schema:
                  type: string
              responses:
                '101':
                  description: 'Switching Protocols: the WebSocket is open (authentication follows; refusals are close frames with
                    code 1008).'
                  headers:
                    Upgrade:
                      schema:
                        type: string
                        const: websocket
                    Sec-WebSocket-Accept:
                      schema:
                        type: string
                '200':
                  description: 'A plain HTTP GET (no upgrade headers): empty body, no Content-Type, whatever the token.'
                '307':
                  description: 'An upgrade asked on a connection that already served a request: redirect to the same URL with `Connection:
                    close`, so the client retries on a new connection. Empty body.'
                  headers:
                    Location:
                      schema:
                        type: string
                '400':
                  description: 'An upgrade the router declined (e.g. a declared body over `MAX_BODY_SIZE`): empty body, `Connection:
                    close`.'
          /api/users:
            get:
              operationId: SupportListUsers
              summary: List users
              tags:
              - Support users
              description: 'Every account (inactive and deleted included), ordered by internal id, a page at a time. Any signed-in
                user may list.

                `role` filters by role; an unknown role matches nobody (200 with `count` 0).


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: role
                in: query
                required: false
                description: Exact role (`user`, `buyer`, `merchant`, `agent`, `admin`, `auditor`, `guest`); any other value gives
                  an empty page.
                schema:
                  type: string
              - name: page
                in: query
                required: false
                description: Page number, 1 or more (an empty value means the default). Not an integer or below 1 → 422.
                schema:
                  type: integer
                  minimum: 1
                  default: 1
              - name: page_size
                in: query
                required: false
                description: Page size, 1 or more (default 20; values above 1000 are treated as 1000; an empty value means the default).
                  Not an integer or below 1 → 422.
                schema:
                  type: integer
                  minimum: 1
                  default: 20
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportUserPage'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '422':
                  description: '`page` or `page_size` not an integer or below 1.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
            post:
              operationId: SupportCreateUser
              summary: Create a user (admin)
              tags:
              - Support users
              description: 'Admin only (checked before the body is read). Creates an account with the given external `id`; it is made
                a member of

                the public channel.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SupportUserCreate'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportUser'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller is not an admin: `{"detail": "需要管理员权限"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '409':
                  description: The id or the username is taken.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportIntegrityError'
                '413':
                  description: 'The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail`
                    = `请求体过大`, plus `error`, `message`, `code`, `request_id`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: ["Field required"]`),
                    a missing or mistyped field, a value outside its set or range. `id` must have 1–50 characters, `username` 1–100.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/users/ensure:
            post:
              operationId: SupportEnsureUsers
              summary: Create users that do not exist yet (admin)
              tags:
              - Support users
              description: 'Admin only. For each entry, in order: an existing user with that id is returned unchanged; otherwise it
                is created

                (status `active`, no password; a missing or empty `username` becomes the role''s word followed by the current epoch

                milliseconds, made unique; a missing or empty `avatar` becomes one of the role''s default avatars). All in one

                transaction. The answer has one user per entry, in order (`[]` for an empty list).


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SupportEnsureRequest'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/SupportUser'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller is not an admin: `{"detail": "需要管理员权限"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '409':
                  description: A username clashes; nothing is created.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportIntegrityError'
                '413':
                  description: 'The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail`
                    = `请求体过大`, plus `error`, `message`, `code`, `request_id`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: ["Field required"]`),
                    a missing or mistyped field, a value outside its set or range. Each `users[i].id` must have 1–50 characters.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/users/{user_id}:
            get:
              operationId: SupportGetUser
              summary: Get a user
              tags:
              - Support users
              description: 'Any signed-in user may read any user.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                description: 'A seed-004 user id: the external id, or an all-digit internal integer id.'
                schema:
                  type: string
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportUser'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '404':
                  description: 'No such user: `{"detail": "User not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
            put:
              operationId: SupportUpdateUser
              summary: Change a user (admin)
              tags:
              - Support users
              description: 'Admin only. Writes only the keys present; `avatar` and `description` may be set to null. The user is looked
                up

                (404) before the body is read.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                description: 'A seed-004 user id: the external id, or an all-digit internal integer id.'
                schema:
                  type: string
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SupportUserUpdate'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportUser'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller is not an admin: `{"detail": "需要管理员权限"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such user: `{"detail": "User not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '409':
                  description: The username is taken by another account.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportIntegrityError'
                '413':
                  description: 'The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail`
                    = `请求体过大`, plus `error`, `message`, `code`, `request_id`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: ["Field required"]`),
                    a missing or mistyped field, a value outside its set or range. `username` must have 1–100 characters (null is
                    refused).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
            delete:
              operationId: SupportDeleteUser
              summary: Delete a user (admin, soft)
              tags:
              - Support users
              description: 'Admin only. Sets the account status to `deleted`; the user is still listed.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                description: 'A seed-004 user id: the external id, or an all-digit internal integer id.'
                schema:
                  type: string
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportStatusMessage'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller is not an admin: `{"detail": "需要管理员权限"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such user: `{"detail": "User not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/users/{user_id}/status:
            patch:
              operationId: SupportSetUserStatus
              summary: Activate or deactivate a user (admin)
              tags:
              - Support users
              description: 'Admin only. The new account status is the `status` query parameter. The user is looked up (404) first,
                then

                `status` is checked: missing → 422, anything but `active`/`inactive` (empty included) → 400.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                description: 'A seed-004 user id: the external id, or an all-digit internal integer id.'
                schema:
                  type: string
              - name: status
                in: query
                required: true
                description: '`active` or `inactive`; any other value gets 400.'
                schema:
                  type: string
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportUser'
                '400':
                  description: '`{"detail": "Invalid status. Must be ''active'' or ''inactive''"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller is not an admin: `{"detail": "需要管理员权限"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such user: `{"detail": "User not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: '`status: Field required`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/conversations:
            get:
              operationId: SupportListConversations
              summary: List conversations
              tags:
              - Support conversations
              description: 'Newest activity first (`updated_at` descending, then id descending). Admins see every conversation; anyone
                else

                sees those they take part in, are assigned, or (for an agent) those of their merchant. `customer_id`,

                `merchant_id` and `assignee_id` naming no user give an empty page (200, `count` 0).


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: status
                in: query
                required: false
                description: Only conversations in this state (empty = any).
                schema:
                  type: string
                  enum:
                  - open
                  - pending
                  - resolved
                  - snoozed
              - name: assignee_id
                in: query
                required: false
                description: Only those assigned to this user; `none` for unassigned ones (empty = any).
                schema:
                  type: string
              - name: customer_id
                in: query
                required: false
                description: Only this customer's (empty = any).
                schema:
                  type: string
              - name: merchant_id
                in: query
                required: false
                description: Only this merchant's (empty = any).
                schema:
                  type: string
              - name: page
                in: query
                required: false
                description: Page number, 1 or more (an empty value means the default). Not an integer or below 1 → 422.
                schema:
                  type: integer
                  minimum: 1
                  default: 1
              - name: page_size
                in: query
                required: false
                description: Page size, 1 or more (default 20; values above 1000 are treated as 1000; an empty value means the default).
                  Not an integer or below 1 → 422.
                schema:
                  type: integer
                  minimum: 1
                  default: 20
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportConversationPage'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '422':
                  description: '`page`/`page_size` not an integer or below 1, or `status` not one of its values.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
            post:
              operationId: SupportOpenConversation
              summary: Open (get or create) a conversation
              tags:
              - Support conversations
              description: 'Returns the conversation of exactly this (customer, merchant) pair, creating it if needed. A non-admin
                must be

                one of the two (403 otherwise, checked before the 404s). A new or waiting unassigned conversation is offered to an

                online agent of the merchant with room, so `assignee_id` may be set in the answer.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SupportConversationCreate'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportConversation'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'A non-admin names neither itself as customer nor as merchant: `{"detail": "不能以其他用户身份操作"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: '`{"detail": "Customer with id ''<id>'' not found"}` or `{"detail": "Merchant with id ''<id>'' not
                    found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail`
                    = `请求体过大`, plus `error`, `message`, `code`, `request_id`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: ["Field required"]`),
                    a missing or mistyped field, a value outside its set or range.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/conversations/{id}:
            get:
              operationId: SupportGetConversation
              summary: Get a conversation
              tags:
              - Support conversations
              description: 'A conversation the caller may see.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer,
                  unable to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportConversation'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller may not see this conversation (not an admin, a participant, its assignee or an agent of
                    its merchant): `{"detail": "无权访问该会话"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such conversation: `{"detail": "Conversation not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: '`id` is not an integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/conversations/{id}/detail:
            get:
              operationId: SupportGetConversationDetail
              summary: Get a conversation with its message count
              tags:
              - Support conversations
              description: 'The conversation plus `message_count` (all its messages) and `messages: null`.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer,
                  unable to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportConversationDetail'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller may not see this conversation (not an admin, a participant, its assignee or an agent of
                    its merchant): `{"detail": "无权访问该会话"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such conversation: `{"detail": "Conversation not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: '`id` is not an integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/conversations/{id}/messages:
            get:
              operationId: SupportListConversationMessages
              summary: List a conversation's messages
              tags:
              - Support conversations
              description: 'Newest first unless `order=asc`. The conversation is checked (404/403) before the paging parameters (422).


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer,
                  unable to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              - name: order
                in: query
                required: false
                description: '`asc` for oldest first; any other value (or none) means newest first.'
                schema:
                  type: string
                  default: desc
              - name: page
                in: query
                required: false
                description: Page number, 1 or more (an empty value means the default). Not an integer or below 1 → 422.
                schema:
                  type: integer
                  minimum: 1
                  default: 1
              - name: page_size
                in: query
                required: false
                description: Page size, 1 or more (default 50; values above 1000 are treated as 1000; an empty value means the default).
                  Not an integer or below 1 → 422.
                schema:
                  type: integer
                  minimum: 1
                  default: 50
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportMessagePage'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller may not see this conversation (not an admin, a participant, its assignee or an agent of
                    its merchant): `{"detail": "无权访问该会话"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such conversation: `{"detail": "Conversation not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: '`id` is not an integer, or `page`/`page_size` not an integer or below 1.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/conversations/{id}/messages/read-all:
            put:
              operationId: SupportReadAllMessages
              summary: Mark a conversation read
              tags:
              - Support conversations
              description: 'Moves the reader''s read position to the newest message and clears its unread count; the other side is
                told over

                the WebSocket (`read` frame). The reader is `reader_id`, or the caller when absent. A reader who is not a

                participant changes nothing (still 200); an admin naming an unknown user changes nothing.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer,
                  unable to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              - name: reader_id
                in: query
                required: false
                description: 'Who read (default: the caller). A non-admin may only name itself.'
                schema:
                  type: string
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportSuccess'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller may not see the conversation (`{"detail": "无权访问该会话"}`), or a non-admin names another (or
                    an unknown) user as the reader (`{"detail": "不能以其他用户身份操作"}`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such conversation: `{"detail": "Conversation not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: '`id` is not an integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/conversations/{id}/read:
            put:
              operationId: SupportReadConversation
              summary: Clear a participant's unread count
              tags:
              - Support conversations
              description: 'Same effect as `read-all` (one read state serves both), but `user_id` is required (checked before the
                conversation).


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer,
                  unable to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              - name: user_id
                in: query
                required: true
                description: Who read. A non-admin may only name itself.
                schema:
                  type: string
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportSuccess'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller may not see the conversation (`{"detail": "无权访问该会话"}`), or a non-admin names another (or
                    an unknown) user as the reader (`{"detail": "不能以其他用户身份操作"}`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such conversation: `{"detail": "Conversation not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: '`user_id: Field required`, or `id` is not an integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/conversations/{id}/claim:
            post:
              operationId: SupportClaimConversation
              summary: Claim an unassigned conversation
              tags:
              - Support conversations
              description: 'An agent of the conversation''s merchant takes it (capacity does not limit a claim; claiming one''s own
                conversation

                again is fine). No body is read.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer,
                  unable to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportConversation'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller may not see the conversation (`无权访问该会话`) or is not an agent of its merchant (`{"detail":
                    "Not an agent of this merchant"}`; admins are not agents).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such conversation: `{"detail": "Conversation not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '409':
                  description: 'Someone else has it: `{"detail": "Conversation is assigned to another agent"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: '`id` is not an integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/conversations/{id}/transfer:
            post:
              operationId: SupportTransferConversation
              summary: Hand a conversation to another agent, or back to the queue
              tags:
              - Support conversations
              description: '`assignee_id` names an online agent of the same merchant; `null` puts the conversation back in the queue
                (where the

                next free agent gets it). The conversation is checked (404/403) before the body is read.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer,
                  unable to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SupportTransferRequest'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportConversation'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller may not see the conversation (`无权访问该会话`), or may see it but is not an admin, its merchant
                    or its assignee (`{"detail": "Only the assignee, the merchant or an admin may change this conversation"}`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such conversation: `{"detail": "Conversation not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '409':
                  description: 'The agent is offline: `{"detail": "Agent is offline"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail`
                    = `请求体过大`, plus `error`, `message`, `code`, `request_id`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: ["Field required"]`),
                    a missing or mistyped field, a value outside its set or range. Also `assignee_id: No user with id ''<id>''` and
                    `assignee_id: Not an agent of this merchant`; or `id` is not an integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/conversations/{id}/resolve:
            post:
              operationId: SupportResolveConversation
              summary: Resolve a conversation
              tags:
              - Support conversations
              description: 'Sets the status to `resolved` (its agent''s load drops, so the next waiting conversation may be assigned).
                No body is read.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer,
                  unable to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportConversation'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller may not see the conversation (`无权访问该会话`), or may see it but is not an admin, its merchant
                    or its assignee (`{"detail": "Only the assignee, the merchant or an admin may change this conversation"}`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such conversation: `{"detail": "Conversation not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: '`id` is not an integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/conversations/{id}/reopen:
            post:
              operationId: SupportReopenConversation
              summary: Reopen a conversation
              tags:
              - Support conversations
              description: 'Sets the status to `open` (an unassigned one is offered to an agent). No body is read.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer,
                  unable to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportConversation'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller may not see the conversation (`无权访问该会话`), or may see it but is not an admin, its merchant
                    or its assignee (`{"detail": "Only the assignee, the merchant or an admin may change this conversation"}`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such conversation: `{"detail": "Conversation not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: '`id` is not an integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/conversations/{id}/snooze:
            post:
              operationId: SupportSnoozeConversation
              summary: Snooze a conversation
              tags:
              - Support conversations
              description: 'Sets the status to `snoozed` until `snoozed_until` (epoch seconds, in the future); the conversation reopens
                by

                itself then. The conversation is checked (404/403) before the body is read.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer,
                  unable to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SupportSnoozeRequest'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportConversation'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller may not see the conversation (`无权访问该会话`), or may see it but is not an admin, its merchant
                    or its assignee (`{"detail": "Only the assignee, the merchant or an admin may change this conversation"}`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such conversation: `{"detail": "Conversation not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail`
                    = `请求体过大`, plus `error`, `message`, `code`, `request_id`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'Validation failure (`{"detail": "请求参数验证失败", "errors", "path"}`: missing/non-object body, `snoozed_until`
                    missing or not a number, `status` present but not one of its values, or a non-integer `id`), or a snooze time
                    not in the future (`{"detail": "snoozed_until must be in the future"}`).'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/SupportValidationError'
                        - $ref: '#/components/schemas/FastAPIError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/conversations/{id}/status:
            put:
              operationId: SupportSetConversationStatus
              summary: Set a conversation's status
              tags:
              - Support conversations
              description: '`status` is required; `snoozed_until` (epoch seconds, in the future) is required when it is `snoozed`
                and ignored

                otherwise. The conversation is checked (404/403) before the body is read.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer,
                  unable to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SupportStatusRequest'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportConversation'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller may not see the conversation (`无权访问该会话`), or may see it but is not an admin, its merchant
                    or its assignee (`{"detail": "Only the assignee, the merchant or an admin may change this conversation"}`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such conversation: `{"detail": "Conversation not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail`
                    = `请求体过大`, plus `error`, `message`, `code`, `request_id`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'Validation failure (`{"detail": "请求参数验证失败", "errors", "path"}`: missing/non-object body, `status`
                    missing or not one of its values, `snoozed_until` not a number or missing for `snoozed`, or a non-integer `id`),
                    or a snooze time not in the future (`{"detail": "snoozed_until must be in the future"}`).'
                  content:
                    application/json:
                      schema:
                        anyOf:
                        - $ref: '#/components/schemas/SupportValidationError'
                        - $ref: '#/components/schemas/FastAPIError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/messages:
            get:
              operationId: SupportListMessages
              summary: List messages
              tags:
              - Support messages
              description: 'Newest first (`created_at` descending, then id). Admins see every support message; anyone else only those
                of their

                own conversations. A `sender_id` naming no user gives an empty page.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: conversation_id
                in: query
                required: false
                description: Only this conversation's (empty = any).
                schema:
                  type: integer
                  format: int64
              - name: sender_id
                in: query
                required: false
                description: Only this user's (empty = any).
                schema:
                  type: string
              - name: message_type
                in: query
                required: false
                description: Only this type (empty = any).
                schema:
                  type: string
                  enum:
                  - text
                  - image
                  - file
              - name: page
                in: query
                required: false
                description: Page number, 1 or more (an empty value means the default). Not an integer or below 1 → 422.
                schema:
                  type: integer
                  minimum: 1
                  default: 1
              - name: page_size
                in: query
                required: false
                description: Page size, 1 or more (default 50; values above 1000 are treated as 1000; an empty value means the default).
                  Not an integer or below 1 → 422.
                schema:
                  type: integer
                  minimum: 1
                  default: 50
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportMessagePage'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '422':
                  description: '`page`/`page_size` not an integer or below 1, `conversation_id` not an integer, or `message_type`
                    not one of its values.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
            post:
              operationId: SupportSendMessage
              summary: Send a message
              tags:
              - Support messages
              description: 'Stores the message, updates the conversation''s preview, time and the other side''s unread count, and
                delivers it

                live over the WebSocket to both sides, the assignee and the admins watching. A non-admin may only send as itself.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SupportMessageCreate'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportMessage'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'A non-admin sends as someone else (`{"detail": "不能以其他用户身份操作"}`), or the sender (unknown, for an admin)
                    is not a participant of the conversation (`{"detail": "无权访问该会话"}`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'No such conversation: `{"detail": "Conversation not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail`
                    = `请求体过大`, plus `error`, `message`, `code`, `request_id`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: ["Field required"]`),
                    a missing or mistyped field, a value outside its set or range. `content` longer than `MAX_MESSAGE_LENGTH` (default
                    10000) characters.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/messages/{id}/read:
            put:
              operationId: SupportReadMessage
              summary: Mark one message read
              tags:
              - Support messages
              description: 'Sets the message''s read flag (unread counts are not touched). Non-admins only for messages of their own
                conversations.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`message_id: Input should be a valid integer, unable
                  to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportSuccess'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'Not a participant of the message''s conversation: `{"detail": "无权访问该会话"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: '`{"detail": "Message not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: '`id` is not an integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/messages/{id}:
            delete:
              operationId: SupportDeleteMessage
              summary: Delete a message (admin)
              tags:
              - Support messages
              description: 'Admin only (checked before the id). Hard delete; the conversation''s preview and counts are not recomputed.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`message_id: Input should be a valid integer, unable
                  to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportStatusMessage'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The caller is not an admin: `{"detail": "需要管理员权限"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: '`{"detail": "Message not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: '`id` is not an integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/quick-replies/user/{user_id}:
            get:
              operationId: SupportListQuickReplies
              summary: List a user's quick replies
              tags:
              - Support quick replies
              description: 'The user''s active quick replies, by `sort_order` then id. A non-admin may only list its own (an unknown
                user is

                someone else: 403); for an admin an unknown user has none (`[]`).


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                description: 'A seed-004 user id: the external id, or an all-digit internal integer id.'
                schema:
                  type: string
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/SupportQuickReply'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'A non-admin names another (or an unknown) user: `{"detail": "不能以其他用户身份操作"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/quick-replies/merchant/{user_id}:
            get:
              operationId: SupportListMerchantQuickReplies
              summary: List a user's quick replies (legacy alias)
              tags:
              - Support quick replies
              description: 'The user''s active quick replies, by `sort_order` then id. A non-admin may only list its own (an unknown
                user is

                someone else: 403); for an admin an unknown user has none (`[]`).


                Same as `/api/quick-replies/user/{user_id}`.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                description: 'A seed-004 user id: the external id, or an all-digit internal integer id.'
                schema:
                  type: string
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/SupportQuickReply'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'A non-admin names another (or an unknown) user: `{"detail": "不能以其他用户身份操作"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/quick-replies:
            post:
              operationId: SupportCreateQuickReply
              summary: Create a quick reply
              tags:
              - Support quick replies
              description: 'A non-admin may only create its own. At most 10 active replies per user.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SupportQuickReplyCreate'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportQuickReply'
                '400':
                  description: 'The user already has 10 active replies: `{"detail": "最多只能创建10条快捷消息"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'A non-admin names another (or an unknown) user: `{"detail": "不能以其他用户身份操作"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: 'An admin names an unknown user: `{"detail": "User not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail`
                    = `请求体过大`, plus `error`, `message`, `code`, `request_id`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: ["Field required"]`),
                    a missing or mistyped field, a value outside its set or range.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/quick-replies/{id}:
            put:
              operationId: SupportUpdateQuickReply
              summary: Change a quick reply
              tags:
              - Support quick replies
              description: 'Writes the given keys (inactive replies too). The reply and its owner are checked (404/403) before the
                body is read.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`reply_id: Input should be a valid integer, unable
                  to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SupportQuickReplyUpdate'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportQuickReply'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The reply belongs to someone else: `{"detail": "不能以其他用户身份操作"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: '`{"detail": "快捷消息不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail`
                    = `请求体过大`, plus `error`, `message`, `code`, `request_id`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: ["Field required"]`),
                    a missing or mistyped field, a value outside its set or range. Or `id` is not an integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
            delete:
              operationId: SupportDeleteQuickReply
              summary: Delete a quick reply (soft)
              tags:
              - Support quick replies
              description: 'Marks the reply inactive; repeating it still answers 200.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: id
                in: path
                required: true
                description: 'Integer id. A value that is not an integer gets 422 (`reply_id: Input should be a valid integer, unable
                  to parse string as an integer`).'
                schema:
                  type: integer
                  format: int64
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportStatusMessage'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'The reply belongs to someone else: `{"detail": "不能以其他用户身份操作"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: '`{"detail": "快捷消息不存在"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: '`id` is not an integer.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/support/agents:
            get:
              operationId: SupportListAgents
              summary: List agents and their load
              tags:
              - Support desk
              description: 'An admin sees every team (or the one of `merchant_id`); a merchant or an agent sees its own team only.
                A

                `merchant_id` naming no user gives an empty page.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: merchant_id
                in: query
                required: false
                description: Only this merchant's agents (empty = any, for an admin).
                schema:
                  type: string
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportAgentPage'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'A non-admin that is neither a merchant nor an agent, or one asking for another team: `{"detail": "Not
                    an agent of this merchant"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/support/agents/{user_id}:
            put:
              operationId: SupportSaveAgent
              summary: Register, move or resize an agent
              tags:
              - Support desk
              description: 'Makes the user (role `agent` or `merchant`) an agent of a merchant with a capacity (kept when absent;
                5 for a new

                agent). An admin must give `merchant_id`; a merchant registering its own staff may leave it out. Waiting

                conversations may be assigned at once. Order: the path user (404), the body (422), the merchant (404, 422), the

                caller''s right (403).


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                description: 'A seed-004 user id: the external id, or an all-digit internal integer id.'
                schema:
                  type: string
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SupportAgentSaveRequest'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportAgent'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'Only an admin or the merchant itself manages its agents: `{"detail": "Only an admin or the merchant
                    itself manages its agents"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: '`{"detail": "User not found"}` (path) or `{"detail": "Merchant with id ''<id>'' not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail`
                    = `请求体过大`, plus `error`, `message`, `code`, `request_id`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: ["Field required"]`),
                    a missing or mistyped field, a value outside its set or range. Also `user_id: Only users of role ''agent'' or
                    ''merchant'' can be agents`, `merchant_id: Field required` (admin), `merchant_id: Input should name a user of
                    role ''merchant''`, `capacity: Input should be an integer from 0 to 1000`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
            delete:
              operationId: SupportRemoveAgent
              summary: Remove an agent
              tags:
              - Support desk
              description: 'What the agent held goes back to its team''s queue.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                description: 'A seed-004 user id: the external id, or an all-digit internal integer id.'
                schema:
                  type: string
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportSuccess'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'Only an admin or the merchant itself manages its agents: `{"detail": "Only an admin or the merchant
                    itself manages its agents"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: '`{"detail": "User not found"}` or `{"detail": "Agent not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/support/agents/{user_id}/presence:
            put:
              operationId: SupportSetAgentPresence
              summary: Go online or offline
              tags:
              - Support desk
              description: '`online: true` starts or renews a presence lease of `SUPPORT_PRESENCE_SECONDS` (and takes waiting conversations);

                `false` ends it. Only for oneself, or by an admin.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              parameters:
              - name: user_id
                in: path
                required: true
                description: 'A seed-004 user id: the external id, or an all-digit internal integer id.'
                schema:
                  type: string
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SupportPresenceRequest'
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportAgent'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'Someone else''s presence: `{"detail": "不能以其他用户身份操作"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '404':
                  description: '`{"detail": "User not found"}` or, for a user that is not an agent, `{"detail": "Agent not found"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '413':
                  description: 'The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail`
                    = `请求体过大`, plus `error`, `message`, `code`, `request_id`).'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '422':
                  description: 'Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: ["Field required"]`),
                    a missing or mistyped field, a value outside its set or range. `online` must be a boolean.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportValidationError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/support/queue:
            get:
              operationId: SupportGetQueue
              summary: Waiting conversations per merchant
              tags:
              - Support desk
              description: 'Per merchant with agents: how many conversations wait (and since when), how many agents are online, and
                each

                agent''s load. Admins see every team; a merchant or an agent its own.


                Requires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty
                `jwt` query parameter is taken as the token instead.'
              security:
              - bearerAuth: []
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/SupportQueue'
                '401':
                  description: 'Missing or refused token: `{"detail": "缺少认证信息" | "无效的认证格式" | "无效的认证方式" | "Token 数据不完整" | "Token 无效或已过期"}`
                    with `WWW-Authenticate: Bearer`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    WWW-Authenticate:
                      description: Always `Bearer`.
                      schema:
                        type: string
                        const: Bearer
                '403':
                  description: 'Neither an admin, a merchant nor an agent: `{"detail": "需要管理员权限"}`.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                '503':
                  description: 'The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试`
                    (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After`
                    seconds.'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FastAPIError'
                  headers:
                    Retry-After:
                      description: Seconds to wait (5).
                      schema:
                        type: integer
          /api/:
            get:
              operationId: DocsRoot
              summary: Seed 004's API root
              tags:
              - Documentation
              security: []
              responses:
                '200':
                  description: The service's name, version and where its docs are.
                  content:
                    application/json:
                      schema:
                        type: object
                        required:
                        - message
                        - version
                        - docs
                        properties:
                          message:
                            type: string
                            const: 在线客服系统 API
                          version:
                            type: string
                          docs:
                            type: string
                            const: /api/docs
          /api/openapi.json:
            get:
              operationId: DocsOpenAPIJSON
              summary: This document, as JSON
              tags:
              - Documentation
              security: []
              responses:
                '200':
                  description: The OpenAPI 3.1 document.
                  content:
                    application/json:
                      schema:
                        type: object
          /api/openapi.yaml:
            get:
              operationId: DocsOpenAPIYAML
              summary: This document, as YAML (the repository's openapi.yaml)
              tags:
              - Documentation
              security: []
              responses:
                '200':
                  description: The OpenAPI 3.1 document.
                  content:
                    application/yaml:
                      schema:
                        type: object
          /api/docs:
            get:
              operationId: DocsSwaggerUI
              summary: Swagger UI on this document
              tags:
              - Documentation
              security: []
              responses:
                '200':
                  description: An HTML page that loads Swagger UI from a CDN.
                  content:
                    text/html:
                      schema:
                        type: string
          /api/redoc:
            get:
              operationId: DocsReDoc
              summary: ReDoc on this document
              tags:
              - Documentation
              security: []
              responses:
                '200':
                  description: An HTML page that loads ReDoc from a CDN.
                  content:
                    text/html:
                      schema:
                        type: string
        components:
          parameters:
            TusResumable:
              name: Tus-Resumable
              in: header
              required: true
              description: The tus protocol version; only `1.0.0` is served (anything else → 412).
              schema:
                type: string
                const: 1.0.0
          securitySchemes:
            bearerAuth:
              type: http
              scheme: bearer
              bearerFormat: JWT
          schemas:
            FlaskError:
              type: object
              required:
              - error
              properties:
                error:
                  type: string
            PlatformError:
              type: object
              required:
              - message
              properties:
                message:
                  type: string
            FriendsError:
              type: object
              required:
              - error
              - message
              properties:
                error:
                  type: string
                message:
                  type: string
            FastAPIError:
              type: object
              required:
              - detail
              properties:
                detail:
                  description: A text, or FastAPI's list of validation issues for a 422.
                  oneOf:
                  - type: string
                  - type: array
                    items:
                      type: object
            UnionError:
              type: object
              required:
              - msg
              - error
              - detail
              properties:
                msg:
                  type: string
                error:
                  type: string
                detail:
                  type: string
            ContactsEnvelope:
              type: object
              description: 'Seed 000''s envelope: every contacts answer, success or refusal. `code` mirrors the HTTP status.'
              required:
              - code
              - message
              - data
              properties:
                code:
                  type: integer
                message:
                  type: string
                data:
                  description: The payload; `null` on every refusal.
            ContactsEnvelopeError:
              description: 'A refusal in the contacts envelope: `data` is always null.'
              allOf:
              - $ref: '#/components/schemas/ContactsEnvelope'
              - type: object
                required:
                - code
                - message
                - data
                properties:
                  code:
                    type: integer
                    minimum: 400
                    maximum: 599
                  message:
                    type: string
                  data:
                    type: 'null'
            ContactsServerError:
              type: object
              description: 'The server''s own error body (ErrorMiddleware, ErrorBody.swift), used for errors no API family claims:
                a body over the size limit, the database going down inside a handler, an internal error. The same text under `error`,
                `message` and `detail`, the status as `code`, and the request id.'
              required:
              - error
              - message
              - detail
              - code
              - request_id
              properties:
                error:
                  type: string
                message:
                  type: string
                detail:
                  type: string
                code:
                  type: integer
                request_id:
                  type: string
            ContactsUnavailable:
              description: '503 with `Retry-After: 5`. When the session store cannot be reached while the token is checked, the contacts
                envelope `{"code": 503, "message": "数据库暂时不可用，请稍后重试", "data": null}`; when the database fails inside the handler, the
                server''s generic error body.'
              anyOf:
              - $ref: '#/components/schemas/ContactsEnvelopeError'
              - $ref: '#/components/schemas/ContactsServerError'
            ContactsContact:
              type: object
              required:
              - id
              - name
              - phone
              - created_time
              - updated_time
              properties:
                id:
                  type: integer
                  minimum: 1
                name:
                  type: string
                phone:
                  type: string
                  description: The number as the user typed it (trimmed).
                created_time:
                  type: string
                  pattern: ^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$
                  description: '`YYYY-MM-DD HH:MM:SS`'
                updated_time:
                  type: string
                  pattern: ^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$
                  description: '`YYYY-MM-DD HH:MM:SS`'
            ContactsTrashedContact:
              allOf:
              - $ref: '#/components/schemas/ContactsContact'
              - type: object
                required:
                - deleted_time
                properties:
                  deleted_time:
                    type:
                    - string
                    - 'null'
                    pattern: ^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$
                    description: When it was moved to the trash.
            ContactsFieldChange:
              type: object
              required:
              - field
              - old
              - new
              properties:
                field:
                  type: string
                  enum:
                  - name
                  - phone
                old:
                  type:
                  - string
                  - 'null'
                  description: null in the version that created the contact.
                new:
                  type: string
            ContactsVersion:
              type: object
              required:
              - id
              - contact_id
              - name
              - phone
              - update_time
              - operator
              - changes
              properties:
                id:
                  type: integer
                contact_id:
                  type: integer
                name:
                  type: string
                phone:
                  type: string
                update_time:
                  type: string
                  pattern: ^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$
                operator:
                  type: string
                  description: Username of the acting user (at most 50 characters).
                changes:
                  type: array
                  items:
                    $ref: '#/components/schemas/ContactsFieldChange'
            ContactsImportRow:
              type: object
              required:
              - row
              - status
              - id
              - reason
              properties:
                row:
                  type: integer
                  description: 1-based position of the record in the file.
                status:
                  type: string
                  enum:
                  - created
                  - updated
                  - skipped
                  - rejected
                id:
                  type:
                  - integer
                  - 'null'
                reason:
                  type:
                  - string
                  - 'null'
            ContactsImportReport:
              type: object
              required:
              - created
              - updated
              - skipped
              - rejected
              - rows
              properties:
                created:
                  type: integer
                  minimum: 0
                updated:
                  type: integer
                  minimum: 0
                skipped:
                  type: integer
                  minimum: 0
                rejected:
                  type: integer
                  minimum: 0
                rows:
                  type: array
                  items:
                    $ref: '#/components/schemas/ContactsImportRow'
            ContactsEnvelopeContact:
              description: 200 with one contact.
              allOf:
              - $ref: '#/components/schemas/ContactsEnvelope'
              - type: object
                required:
                - code
                - message
                - data
                properties:
                  code:
                    const: 200
                  message:
                    type: string
                  data:
                    $ref: '#/components/schemas/ContactsContact'
            ContactsEnvelopeContactList:
              description: 200 with a list of contacts, newest first. `next_cursor` is present only when `limit` or `cursor` was given
                (null on the last page).
              allOf:
              - description: list
                allOf:
                - $ref: '#/components/schemas/ContactsEnvelope'
                - type: object
                  required:
                  - code
                  - message
                  - data
                  properties:
                    code:
                      const: 200
                    message:
                      type: string
                    data:
                      type: array
                      items:
                        $ref: '#/components/schemas/ContactsContact'
              - type: object
                properties:
                  next_cursor:
                    type:
                    - string
                    - 'null'
            ContactsEnvelopeTrash:
              description: 200 with the trashed contacts, most recently deleted first.
              allOf:
              - $ref: '#/components/schemas/ContactsEnvelope'
              - type: object
                required:
                - code
                - message
                - data
                properties:
                  code:
                    const: 200
                  message:
                    type: string
                  data:
                    type: array
                    items:
                      $ref: '#/components/schemas/ContactsTrashedContact'
            ContactsEnvelopeVersions:
              description: 200 with the versions, oldest first.
              allOf:
              - $ref: '#/components/schemas/ContactsEnvelope'
              - type: object
                required:
                - code
                - message
                - data
                properties:
                  code:
                    const: 200
                  message:
                    type: string
                  data:
                    type: array
                    items:
                      $ref: '#/components/schemas/ContactsVersion'
            ContactsEnvelopeImport:
              description: 200 with the import report.
              allOf:
              - $ref: '#/components/schemas/ContactsEnvelope'
              - type: object
                required:
                - code
                - message
                - data
                properties:
                  code:
                    const: 200
                  message:
                    type: string
                  data:
                    $ref: '#/components/schemas/ContactsImportReport'
            ContactsEnvelopeDeleted:
              description: 200, `data` null.
              allOf:
              - $ref: '#/components/schemas/ContactsEnvelope'
              - type: object
                required:
                - code
                - message
                - data
                properties:
                  code:
                    const: 200
                  message:
                    type: string
                  data:
                    type: 'null'
            ContactsFields:
              type: object
              description: 'Read leniently: a value that is not a string counts as absent. Both are trimmed; the limits apply after
                trimming. The Content-Type is not checked: any body that parses as a JSON object is read.'
              required:
              - name
              - phone
              properties:
                name:
                  type: string
                  minLength: 1
                  maxLength: 100
                  pattern: \S
                  example: 张三
                phone:
                  type: string
                  minLength: 1
                  maxLength: 20
                  pattern: ^\s*\+?[0-9 ().\u00a0-]*\s*$
                  example: 138-0013-8000
                  description: Digits with an optional leading `+`, spaces, dashes, dots and parentheses; 7 to 15 digits once read
                    as an E.164 number (national numbers get the default region's calling code, `00` counts as `+`). Unique per owner
                    by its E.164 form.
            AuditResult:
              type: object
              description: Seed 002's `Result` envelope.
              required:
              - code
              - message
              - data
              - timestamp
              properties:
                code:
                  type: integer
                message:
                  type: string
                data: {}
                timestamp:
                  type: string
                  pattern: ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?$
                  description: Server local time, naive ISO 8601, microseconds unless zero.
            AuditLog:
              type: object
              description: One audit row; every field is always present, nulls included.
              required:
              - id
              - organization_id
              - user_id
              - user_name
              - action
              - resource_type
              - resource_id
              - resource_name
              - category
              - ip_address
              - user_agent
              - request_method
              - request_path
              - request_params
              - old_values
              - new_values
              - status
              - error_message
              - duration_ms
              - created_at
              properties:
                id:
                  type: string
                organization_id:
                  type: string
                user_id:
                  type:
                  - string
                  - 'null'
                user_name:
                  type:
                  - string
                  - 'null'
                action:
                  type: string
                resource_type:
                  type:
                  - string
                  - 'null'
                resource_id:
                  type:
                  - string
                  - 'null'
                resource_name:
                  type:
                  - string
                  - 'null'
                category:
                  type:
                  - string
                  - 'null'
                ip_address:
                  type:
                  - string
                  - 'null'
                user_agent:
                  type:
                  - string
                  - 'null'
                request_method:
                  type:
                  - string
                  - 'null'
                request_path:
                  type:
                  - string
                  - 'null'
                request_params:
                  description: Query parameters (GET) or the redacted body; any JSON value or null.
                old_values:
                  description: Any JSON value or null.
                new_values:
                  description: Any JSON value or null.
                status:
                  type: string
                  enum:
                  - success
                  - failed
                error_message:
                  type:
                  - string
                  - 'null'
                duration_ms:
                  type:
                  - integer
                  - 'null'
                created_at:
                  type: string
                  pattern: ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$
            AuditLogPage:
              type: object
              required:
              - records
              - total
              - size
              - page
              - pages
              properties:
                records:
                  type: array
                  items:
                    $ref: '#/components/schemas/AuditLog'
                total:
                  type: integer
                  minimum: 0
                size:
                  type: integer
                  minimum: 1
                  maximum: 100
                page:
                  type: integer
                  minimum: 1
                pages:
                  type: integer
                  minimum: 0
                  description: ceil(total / size); 0 when total is 0.
            AuditVerification:
              type: object
              required:
              - intact
              - checked_records
              - first_seq
              - last_seq
              - head_seq
              - problem
              - bad_seq
              - bad_id
              properties:
                intact:
                  type: boolean
                checked_records:
                  type: integer
                  minimum: 0
                first_seq:
                  type:
                  - integer
                  - 'null'
                last_seq:
                  type:
                  - integer
                  - 'null'
                head_seq:
                  type: integer
                problem:
                  type:
                  - string
                  - 'null'
                bad_seq:
                  type:
                  - integer
                  - 'null'
                bad_id:
                  type:
                  - string
                  - 'null'
            AuditExportFile:
              type: object
              required:
              - content
              - mime_type
              - format
              properties:
                content:
                  type: string
                  description: 'JSON: a pretty-printed array of AuditLog objects (2-space indent, space date separator), `[]` when
                    empty. CSV: a header row of the 20 field names and one row per record, CRLF line ends, empty cells for null, formula-like
                    cells prefixed with `''`; an empty string when there are no rows.'
                mime_type:
                  type: string
                  enum:
                  - application/json
                  - text/csv
                format:
                  type: string
                  enum:
                  - json
                  - csv
            AuditResultPage:
              description: 200 with a page of audit rows.
              allOf:
              - $ref: '#/components/schemas/AuditResult'
              - type: object
                required:
                - code
                - message
                - data
                - timestamp
                properties:
                  code:
                    const: 200
                  message:
                    const: 操作成功
                  data:
                    $ref: '#/components/schemas/AuditLogPage'
            AuditResultLog:
              description: 200 with one audit row.
              allOf:
              - $ref: '#/components/schemas/AuditResult'
              - type: object
                required:
                - code
                - message
                - data
                - timestamp
                properties:
                  code:
                    const: 200
                  message:
                    const: 操作成功
                  data:
                    $ref: '#/components/schemas/AuditLog'
            AuditResultVerification:
              description: 200 with the chain check.
              allOf:
              - $ref: '#/components/schemas/AuditResult'
              - type: object
                required:
                - code
                - message
                - data
                - timestamp
                properties:
                  code:
                    const: 200
                  message:
                    const: 操作成功
                  data:
                    $ref: '#/components/schemas/AuditVerification'
            AuditResultExport:
              description: 200 with the export file as text.
              allOf:
              - $ref: '#/components/schemas/AuditResult'
              - type: object
                required:
                - code
                - message
                - data
                - timestamp
                properties:
                  code:
                    const: 200
                  message:
                    const: 操作成功
                  data:
                    $ref: '#/components/schemas/AuditExportFile'
            AuditValidationIssue:
              type: object
              description: A pydantic-2.5-style error item.
              required:
              - type
              - loc
              - msg
              - input
              - url
              properties:
                type:
                  type: string
                loc:
                  type: array
                  items:
                    type:
                    - string
                    - integer
                msg:
                  type: string
                input:
                  description: The offending value (any JSON value).
                ctx:
                  type: object
                url:
                  type: string
            AuditValidationError:
              description: '400: every bad parameter in one answer.'
              allOf:
              - $ref: '#/components/schemas/AuditResult'
              - type: object
                required:
                - code
                - message
                - data
                - timestamp
                properties:
                  code:
                    const: 400
                  message:
                    const: 请求参数错误
                  data:
                    type: array
                    minItems: 1
                    items:
                      $ref: '#/components/schemas/AuditValidationIssue'
            AuditNotFound:
              description: 404 for an unknown audit log id.
              allOf:
              - $ref: '#/components/schemas/AuditResult'
              - type: object
                required:
                - code
                - message
                - data
                - timestamp
                - detail
                properties:
                  code:
                    const: 404
                  message:
                    const: 审计日志不存在
                  data:
                    type: 'null'
                  detail:
                    const: 审计日志不存在
            AuditServerError:
              description: The server's generic error body (see ContactsServerError).
              allOf:
              - $ref: '#/components/schemas/ContactsServerError'
            AuditExportRequest:
              type: object
              description: Every field is an optional string (null and "" count as absent; any other non-string → 400 `string_type`).
                `organization_id` falls back to the `X-Organization-Id`/`Organization-Id` header.
              properties:
                organization_id:
                  type:
                  - string
                  - 'null'
                user_id:
                  type:
                  - string
                  - 'null'
                action:
                  type:
                  - string
                  - 'null'
                  pattern: ^([A-Z_]{1,50})?$
                resource_type:
                  type:
                  - string
                  - 'null'
                resource_id:
                  type:
                  - string
                  - 'null'
                category:
                  type:
                  - string
                  - 'null'
                status:
                  type:
                  - string
                  - 'null'
                  enum:
                  - success
                  - failed
                  - ''
                  - null
                start_time:
                  type:
                  - string
                  - 'null'
                end_time:
                  type:
                  - string
                  - 'null'
                format:
                  type:
                  - string
                  - 'null'
                  enum:
                  - json
                  - csv
                  - ''
                  - null
                  default: json
            HealthOk:
              type: object
              required:
              - code
              - status
              - message
              - database
              properties:
                code:
                  const: 200
                status:
                  const: ok
                message:
                  const: 服务正常运行
                database:
                  const: ok
            HealthUnavailable:
              type: object
              required:
              - code
              - status
              - message
              - database
              properties:
                code:
                  const: 503
                status:
                  const: error
                message:
                  const: 数据库不可用
                database:
                  const: unavailable
            AuthJWTError:
              type: object
              description: Flask-JWT-Extended's token refusal (seeds 001/003).
              required:
              - msg
              properties:
                msg:
                  type: string
            AuthUnionError:
              type: object
              description: 'One text under each seed client''s key: `error` (001), `message` (003), `detail` (004).'
              required:
              - error
              - message
              - detail
              properties:
                error:
                  type: string
                message:
                  type: string
                detail:
                  type: string
            AuthServerError:
              type: object
              description: The error body no API family claims (body too large, database down, internal error).
              required:
              - error
              - message
              - detail
              - code
              - request_id
              properties:
                error:
                  type: string
                message:
                  type: string
                detail:
                  type: string
                code:
                  type: integer
                request_id:
                  type: string
            AuthThrottleError:
              type: object
              required:
              - error
              - message
              - detail
              - retry_after
              properties:
                error:
                  type: string
                message:
                  type: string
                detail:
                  type: string
                retry_after:
                  type: integer
                  minimum: 1
            AuthRegisterError:
              type: object
              description: '`error` in seed 001''s words, `message` in seed 003''s; `detail` only on length refusals.'
              required:
              - error
              - message
              properties:
                error:
                  type: string
                message:
                  type: string
                detail:
                  type: string
            AuthValidationError:
              type: object
              description: Seed 004's validation failure.
              required:
              - detail
              - errors
              - path
              properties:
                detail:
                  type: string
                  const: 请求参数验证失败
                errors:
                  type: array
                  items:
                    type: string
                  description: '`field: pydantic message` per field.'
                path:
                  type: string
            AuthMessage:
              type: object
              required:
              - message
              properties:
                message:
                  type: string
            AuthChatUser:
              type: object
              description: Seed 001's `UserJSON`, plus role, description and account status.
              required:
              - id
              - username
              - email
              - avatar
              - created_at
              - last_seen
              - role
              - description
              - status
              properties:
                id:
                  type: integer
                username:
                  type: string
                email:
                  type:
                  - string
                  - 'null'
                avatar:
                  type: string
                  description: '`""` when none; relative paths are made absolute with `BASE_URL`.'
                created_at:
                  type: string
                  description: Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`.
                last_seen:
                  type:
                  - string
                  - 'null'
                  description: Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`.
                role:
                  type: string
                  enum:
                  - user
                  - buyer
                  - merchant
                  - agent
                  - admin
                  - auditor
                  - guest
                description:
                  type:
                  - string
                  - 'null'
                status:
                  type: string
                  enum:
                  - active
                  - inactive
                  - deleted
            AuthSupportUser:
              type: object
              description: Seed 004's `UserResponse`.
              required:
              - id
              - username
              - email
              - avatar
              - role
              - description
              - status
              - created_at
              - last_seen
              properties:
                id:
                  type: string
                  description: External id, else the integer id in decimal.
                username:
                  type: string
                email:
                  type:
                  - string
                  - 'null'
                avatar:
                  type:
                  - string
                  - 'null'
                  description: Absolute URL, or null.
                role:
                  type: string
                  enum:
                  - user
                  - buyer
                  - merchant
                  - agent
                  - admin
                  - auditor
                  - guest
                description:
                  type:
                  - string
                  - 'null'
                status:
                  type: string
                  enum:
                  - active
                  - inactive
                  - deleted
                created_at:
                  type: integer
                  description: Epoch seconds.
                last_seen:
                  type:
                  - integer
                  - 'null'
                  description: Epoch seconds.
            AuthRegisterResponse:
              type: object
              required:
              - message
              - access_token
              - token
              - token_type
              - userId
              - user_id
              - username
              - email
              - user
              properties:
                message:
                  type: string
                  const: 注册成功
                access_token:
                  type: string
                token:
                  type: string
                  description: The same string as `access_token`.
                token_type:
                  type: string
                  const: bearer
                userId:
                  type: integer
                user_id:
                  type: integer
                username:
                  type: string
                email:
                  type:
                  - string
                  - 'null'
                user:
                  $ref: '#/components/schemas/AuthChatUser'
            AuthLoginResponse:
              type: object
              required:
              - message
              - access_token
              - token
              - token_type
              - userId
              - user_id
              properties:
                message:
                  type: string
                  enum:
                  - 登录成功
                  - 访客登陆成功
                access_token:
                  type: string
                token:
                  type: string
                  description: The same string as `access_token`.
                token_type:
                  type: string
                  const: bearer
                userId:
                  type:
                  - integer
                  - string
                  description: 0 for a guest; the external id for seed-004 users.
                user_id:
                  type:
                  - integer
                  - string
                  description: Same as `userId`.
                username:
                  type: string
                  description: Absent for a guest.
                email:
                  type:
                  - string
                  - 'null'
                  description: Absent for a guest.
                user:
                  anyOf:
                  - $ref: '#/components/schemas/AuthChatUser'
                  - $ref: '#/components/schemas/AuthSupportUser'
                  description: Absent for a guest.
            AuthMintedToken:
              type: object
              required:
              - access_token
              - token_type
              - user
              properties:
                access_token:
                  type: string
                token_type:
                  type: string
                  const: bearer
                user:
                  $ref: '#/components/schemas/AuthSupportUser'
            AuthProfileResponse:
              type: object
              required:
              - user
              properties:
                user:
                  $ref: '#/components/schemas/AuthChatUser'
            AuthSession:
              type: object
              required:
              - id
              - created_at
              - expires_at
              - ip_address
              - user_agent
              - current
              properties:
                id:
                  type: string
                created_at:
                  type: string
                  description: Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`.
                expires_at:
                  type: string
                  description: Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`.
                ip_address:
                  type: string
                user_agent:
                  type: string
                current:
                  type: boolean
            AuthSessionList:
              type: object
              required:
              - sessions
              properties:
                sessions:
                  type: array
                  items:
                    $ref: '#/components/schemas/AuthSession'
            AuthCaptcha:
              type: object
              required:
              - captcha
              properties:
                captcha:
                  type: string
                  pattern: ^data:image/png;base64,
            AuthEmailCodeStatus:
              type: object
              required:
              - remaining
              properties:
                remaining:
                  type: integer
                  const: 0
            AuthEmailCodeSent:
              type: object
              required:
              - message
              - remaining
              properties:
                message:
                  type: string
                  const: 验证码已发送
                remaining:
                  type: integer
                  const: 60
            AuthLoginLog:
              type: object
              required:
              - login_time
              - status
              - ip_address
              - device_info
              properties:
                login_time:
                  type: string
                  description: Naive UTC `YYYY-MM-DD HH:MM:SS`.
                status:
                  type: string
                  enum:
                  - success
                  - failed
                ip_address:
                  type: string
                device_info:
                  type: string
                  description: The User-Agent.
            AuthLoginLogPage:
              type: object
              required:
              - logs
              - user_id
              - page
              - per_page
              - total
              properties:
                logs:
                  type: array
                  items:
                    $ref: '#/components/schemas/AuthLoginLog'
                user_id:
                  type: integer
                page:
                  type: integer
                per_page:
                  type: integer
                total:
                  type: integer
            AuthRegisterRequest:
              type: object
              required:
              - username
              - email
              - password
              properties:
                username:
                  type: string
                  minLength: 1
                  maxLength: 50
                  description: 1–50 characters after trimming; unique ignoring case.
                email:
                  type: string
                  minLength: 1
                  maxLength: 120
                  description: Up to 120 characters after trimming; unique ignoring case; no format check.
                password:
                  type: string
                  minLength: 8
                  description: At least 8 characters and at most 72 bytes (UTF-8); not trimmed.
                code:
                  description: Seed 003's e-mail code; ignored.
            AuthLoginRequest:
              type: object
              description: 'All fields optional: what is missing decides between guest login and 400.'
              properties:
                username:
                  type: string
                  description: Username or e-mail; wins over `email` when non-empty.
                email:
                  description: Seed 003's identifier; its presence (any value) enables the guest login when it or `password` is empty.
                password:
                  type: string
                captcha:
                  description: Ignored.
            AuthChangePasswordRequest:
              type: object
              required:
              - old_password
              - new_password
              properties:
                old_password:
                  type: string
                  minLength: 1
                new_password:
                  type: string
                  minLength: 8
                  description: At least 8 characters, at most 72 bytes; may equal the old one.
            AuthMintTokenRequest:
              type: object
              required:
              - user_id
              properties:
                user_id:
                  type: string
                  minLength: 1
                  description: External id, or the integer id as digits.
            AuthSendEmailCodeRequest:
              type: object
              required:
              - email
              properties:
                email:
                  type: string
                  description: Trimmed; must contain `@` not at either end; at most 120 characters.
            ChatNotice:
              type: object
              required:
              - message
              properties:
                message:
                  type: string
            ChatAddFriendRequest:
              type: object
              required:
              - friend_username
              properties:
                friend_username:
                  type: string
                  pattern: \S
                  description: Trimmed.
            ChatAddFriendResponse:
              type: object
              required:
              - message
              - friend
              properties:
                message:
                  type: string
                  const: 好友添加成功
                friend:
                  $ref: '#/components/schemas/AuthChatUser'
            ChatFriend:
              allOf:
              - $ref: '#/components/schemas/AuthChatUser'
              - type: object
                required:
                - friendship_created
                properties:
                  friendship_created:
                    type:
                    - string
                    - 'null'
                    description: Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`.
            ChatFriendList:
              type: object
              required:
              - friends
              - count
              properties:
                friends:
                  type: array
                  items:
                    $ref: '#/components/schemas/ChatFriend'
                count:
                  type: integer
            ChatUserList:
              type: object
              required:
              - users
              - count
              properties:
                users:
                  type: array
                  items:
                    $ref: '#/components/schemas/AuthChatUser'
                  maxItems: 20
                count:
                  type: integer
            ChatRemoveFriendRequest:
              type: object
              required:
              - friend_id
              properties:
                friend_id:
                  oneOf:
                  - type: integer
                    minimum: 1
                    maximum: 9223372036854775807
                  - type: string
                    pattern: ^[0-9]*[1-9][0-9]*$
                    maxLength: 18
                  description: A positive integer, or a string of digits. `0`, negatives and other values count as missing (400).
            ChatPersonSummary:
              type: object
              required:
              - id
              - username
              - avatar
              - status
              properties:
                id:
                  type: integer
                username:
                  type:
                  - string
                  - 'null'
                  description: null when the user row is gone.
                avatar:
                  type:
                  - string
                  - 'null'
                status:
                  type: string
                  enum:
                  - online
                  - offline
                  description: Presence.
            ChatFriendRequest:
              type: object
              required:
              - request_id
              - id
              - status
              - sender
              - receiver
              - created_at
              - responded_at
              properties:
                request_id:
                  type: integer
                id:
                  type: integer
                  description: Same as `request_id`.
                status:
                  type: string
                  enum:
                  - pending
                  - accepted
                  - rejected
                  - cancelled
                sender:
                  $ref: '#/components/schemas/ChatPersonSummary'
                receiver:
                  $ref: '#/components/schemas/ChatPersonSummary'
                created_at:
                  type: string
                  description: Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`.
                responded_at:
                  type:
                  - string
                  - 'null'
                  description: Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`.
            ChatFriendRequestLists:
              type: object
              required:
              - incoming
              - outgoing
              properties:
                incoming:
                  type: array
                  items:
                    $ref: '#/components/schemas/ChatFriendRequest'
                outgoing:
                  type: array
                  items:
                    $ref: '#/components/schemas/ChatFriendRequest'
            ChatFriendRequestCreate:
              type: object
              description: The receiver under `receiver_id` or `user_id`.
              properties:
                receiver_id:
                  oneOf:
                  - type: integer
                    minimum: 1
                    maximum: 9223372036854775807
                  - type: string
                    pattern: ^[0-9]*[1-9][0-9]*$
                    maxLength: 18
                  description: A positive integer, or a string of digits. `0`, negatives and other values count as missing (400).
                user_id:
                  oneOf:
                  - type: integer
                    minimum: 1
                    maximum: 9223372036854775807
                  - type: string
                    pattern: ^[0-9]*[1-9][0-9]*$
                    maxLength: 18
                  description: Used when `receiver_id` is absent or names nobody.
              anyOf:
              - required:
                - receiver_id
              - required:
                - user_id
            ChatBlockedList:
              type: object
              required:
              - blocked
              - count
              properties:
                blocked:
                  type: array
                  items:
                    $ref: '#/components/schemas/ChatPersonSummary'
                count:
                  type: integer
            ChatBlockRequest:
              type: object
              required:
              - user_id
              properties:
                user_id:
                  oneOf:
                  - type: integer
                    minimum: 1
                    maximum: 9223372036854775807
                  - type: string
                    pattern: ^[0-9]*[1-9][0-9]*$
                    maxLength: 18
                  description: A positive integer, or a string of digits. `0`, negatives and other values count as missing (400).
            ChatBlockResult:
              type: object
              required:
              - message
              - user_id
              properties:
                message:
                  type: string
                  enum:
                  - 已屏蔽该用户
                  - 已取消屏蔽
                user_id:
                  type: integer
            ChatFriendCheck:
              type: object
              required:
              - is_friend
              properties:
                is_friend:
                  type: boolean
            ChatDirectMessage:
              type: object
              description: Seed 001's `MessageJSON`, plus `seq` and `client_msg_id`.
              required:
              - id
              - sender_id
              - receiver_id
              - content
              - message_type
              - is_read
              - created_at
              - seq
              - client_msg_id
              properties:
                id:
                  type: integer
                sender_id:
                  type: integer
                receiver_id:
                  type: integer
                content:
                  type: string
                message_type:
                  type: string
                  enum:
                  - text
                  - emoji
                  - image
                  - file
                is_read:
                  type: boolean
                created_at:
                  type: string
                  description: Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`.
                seq:
                  type: integer
                  description: Position in the conversation, from 1.
                client_msg_id:
                  type:
                  - string
                  - 'null'
            ChatDirectMessageWithSender:
              allOf:
              - $ref: '#/components/schemas/ChatDirectMessage'
              - type: object
                required:
                - sender_username
                properties:
                  sender_username:
                    type: string
                    description: '`Unknown` when the row is gone.'
            ChatSendMessageRequest:
              type: object
              required:
              - receiver_id
              - content
              properties:
                receiver_id:
                  oneOf:
                  - type: integer
                    minimum: 1
                    maximum: 9223372036854775807
                  - type: string
                    pattern: ^[0-9]*[1-9][0-9]*$
                    maxLength: 18
                  description: A positive integer, or a string of digits. `0`, negatives and other values count as missing (400).
                content:
                  type: string
                  pattern: \S
                  maxLength: 10000
                  description: Trimmed; not blank; at most `MAX_MESSAGE_LENGTH` (default 10000) characters after trimming.
                message_type:
                  type: string
                  enum:
                  - text
                  - emoji
                  - image
                  - file
                  default: text
                client_msg_id:
                  type: string
                  description: Idempotency key; only the first 64 characters are kept; empty = none.
            ChatSendResult:
              type: object
              required:
              - message
              - data
              properties:
                message:
                  type: string
                  const: 消息发送成功
                data:
                  $ref: '#/components/schemas/ChatDirectMessage'
            ChatPagination:
              type: object
              required:
              - page
              - pages
              - per_page
              - total
              - has_next
              - has_prev
              properties:
                page:
                  type: integer
                pages:
                  type: integer
                per_page:
                  type: integer
                total:
                  type: integer
                has_next:
                  type: boolean
                has_prev:
                  type: boolean
            ChatHistory:
              type: object
              required:
              - messages
              - pagination
              properties:
                messages:
                  type: array
                  items:
                    $ref: '#/components/schemas/ChatDirectMessageWithSender'
                pagination:
                  $ref: '#/components/schemas/ChatPagination'
            ChatChatEntry:
              type: object
              required:
              - partner
              - last_message
              - unread_count
              properties:
                partner:
                  $ref: '#/components/schemas/AuthChatUser'
                last_message:
                  $ref: '#/components/schemas/ChatDirectMessage'
                unread_count:
                  type: integer
            ChatChatList:
              type: object
              required:
              - chats
              - count
              properties:
                chats:
                  type: array
                  items:
                    $ref: '#/components/schemas/ChatChatEntry'
                count:
                  type: integer
            ChatLastMessageResponse:
              anyOf:
              - type: object
                required:
                - last_message
                properties:
                  last_message:
                    $ref: '#/components/schemas/ChatDirectMessageWithSender'
              - type: object
                required:
                - message
                properties:
                  message:
                    type: string
                    const: 暂无消息记录
            ChatMarkReadRequest:
              type: object
              required:
              - sender_id
              properties:
                sender_id:
                  oneOf:
                  - type: integer
                    minimum: 1
                    maximum: 9223372036854775807
                  - type: string
                    pattern: ^[0-9]*[1-9][0-9]*$
                    maxLength: 18
                  description: A positive integer, or a string of digits. `0`, negatives and other values count as missing (400).
            PlatformTokenError:
              type: object
              description: Flask-JWT-Extended's token refusal, as seed 003 routes answer it.
              required:
              - msg
              properties:
                msg:
                  type: string
            PlatformServerError:
              type: object
              description: 'The server''s generic error body (body too large, database unavailable): the same text under each seed
                client''s key, with the status and the request id.'
              required:
              - error
              - message
              - detail
              - code
              - request_id
              properties:
                error:
                  type: string
                message:
                  type: string
                detail:
                  type: string
                code:
                  type: integer
                request_id:
                  type: string
            PlatformMessageREST:
              type: object
              description: Seed 003's REST message (`MessageREST`).
              required:
              - id
              - sender_id
              - receiver_id
              - group_id
              - content
              - type
              - created_at
              - status
              - file_url
              - sender_name
              properties:
                id:
                  type: integer
                  format: int64
                sender_id:
                  type: integer
                  format: int64
                receiver_id:
                  type: integer
                  format: int64
                  description: The other user of a direct message; 0 for a group message.
                group_id:
                  type: integer
                  format: int64
                  description: The group of a group message; 0 for a direct message.
                content:
                  type: string
                  description: The text; a file's name for a file sent over the socket; a media URL for an image or file uploaded
                    elsewhere.
                type:
                  type: string
                  enum:
                  - text
                  - emoji
                  - image
                  - file
                created_at:
                  type: string
                  description: Naive UTC, `YYYY-MM-DD HH:MM:SS`.
                  examples:
                  - '2025-01-05 14:03:11'
                status:
                  type: string
                  const: sent
                file_url:
                  type: string
                  description: '`/uploads/chat/<file_id>` for a file sent over the socket (download as `/api/file` + it), else `""`.'
                sender_name:
                  type: string
                  description: The sender's username; `""` when unknown.
            PlatformMessageList:
              type: array
              description: At most 50 messages, oldest first.
              maxItems: 50
              items:
                $ref: '#/components/schemas/PlatformMessageREST'
            PlatformSendRequest:
              type: object
              description: 'Read as Flask''s `data.get(key)`: a field of the wrong type reads as absent. One of `group_id` (a group
                the caller is in; group 1, the public channel, is joined on the first send) or `receiver_id` (a friend) names the
                destination; `group_id` wins when both are given.'
              properties:
                sender_id:
                  type:
                  - integer
                  - string
                  description: Optional; when given it must be the caller's own id (else 403).
                receiver_id:
                  type:
                  - integer
                  - string
                  description: The friend to send to (positive integer or digit string).
                group_id:
                  type:
                  - integer
                  - string
                  description: The group to send to (positive integer or digit string).
                content:
                  type: string
                  description: Trimmed; must not be empty and at most `MAX_MESSAGE_LENGTH` (10000) characters. Ignored for `file`.
                type:
                  type: string
                  enum:
                  - text
                  - emoji
                  - file
                  default: text
                file_url:
                  type: string
                  description: 'For `type: file`: `/uploads/chat/<file_id>` of a file the sender uploaded over the socket (`<file_id>`
                    of the form `<sender>_b_c_<name>`, no `/` or `..`; a query is ignored), or `/files/<upload id>` of a finished resumable
                    upload of the sender (`/api/files/<id>` and a received `/uploads/files/<id>/<name>` work too); someone else''s
                    file → 403.'
                client_msg_id:
                  type: string
                  description: 'Idempotency key (first 64 characters): a repeated send returns the stored message without delivering
                    it again.'
                status:
                  description: Ignored.
            PlatformHistoryRequest:
              type: object
              description: '`groupId` (or `channelId: "public"`, group 1) → the group''s messages; else `friendId` → the direct conversation
                with that user; else `[]`. A field of the wrong type reads as absent.'
              properties:
                groupId:
                  type:
                  - integer
                  - string
                  description: A positive integer, or a string of digits (surrounding spaces allowed). Any other value (0, a negative
                    number, another type) names nobody.
                friendId:
                  type:
                  - integer
                  - string
                  description: A positive integer, or a string of digits (surrounding spaces allowed). Any other value (0, a negative
                    number, another type) names nobody.
                channelId:
                  type: string
                  description: '`public` for the public channel (group 1); other values are ignored.'
            PlatformSuccess:
              type: object
              required:
              - success
              properties:
                success:
                  type: boolean
                  const: true
            PlatformUnreadCounts:
              type: object
              description: 'Unread direct messages per sender: keys are sender ids in decimal, values the counts (only senders with
                unread messages appear).'
              propertyNames:
                pattern: ^[0-9]+$
              additionalProperties:
                type: integer
                minimum: 1
            PlatformUserStatus:
              type: object
              required:
              - status
              properties:
                status:
                  type: string
                  enum:
                  - online
                  - offline
            PlatformContactEntry:
              type: object
              required:
              - id
              - name
              - avatar
              - type
              properties:
                id:
                  type: integer
                  format: int64
                name:
                  type: string
                avatar:
                  type:
                  - string
                  - 'null'
                  description: Absolute (with `BASE_URL`) or relative media URL; null when none.
                type:
                  type: string
                  enum:
                  - friend
                  - group
            PlatformContactList:
              type: array
              items:
                $ref: '#/components/schemas/PlatformContactEntry'
            PlatformUsername:
              type: object
              required:
              - username
              properties:
                username:
                  type: string
            PlatformAccountUser:
              type: object
              description: Seed 001's `UserJSON` with role, description and account status.
              required:
              - id
              - username
              - email
              - avatar
              - created_at
              - last_seen
              - role
              - description
              - status
              properties:
                id:
                  type: integer
                  format: int64
                username:
                  type: string
                email:
                  type:
                  - string
                  - 'null'
                avatar:
                  type: string
                  description: Media URL, `""` when none.
                created_at:
                  type: string
                  description: Naive UTC ISO 8601 with microseconds.
                  examples:
                  - '2025-07-21T06:53:19.685547'
                last_seen:
                  type:
                  - string
                  - 'null'
                role:
                  type: string
                  enum:
                  - user
                  - buyer
                  - merchant
                  - agent
                  - admin
                  - auditor
                  - guest
                description:
                  type:
                  - string
                  - 'null'
                status:
                  type: string
                  enum:
                  - active
                  - inactive
                  - deleted
                  description: Account status (not presence).
            PlatformAccountUpdateRequest:
              type: object
              description: Absent keys keep their value. Every given key must have the listed type (else 400).
              properties:
                username:
                  type: string
                  description: Trimmed; 1–50 characters, not taken (ignoring case).
                email:
                  type: string
                  description: Trimmed; 1–120 characters, not taken (ignoring case).
                avatar:
                  type:
                  - string
                  - 'null'
                  maxLength: 255
                  description: null clears the avatar.
                password:
                  type: string
                  description: Ignored here.
            PlatformAccountUpdated:
              type: object
              required:
              - message
              - user
              properties:
                message:
                  type: string
                  const: 用户信息更新成功
                user:
                  $ref: '#/components/schemas/PlatformAccountUser'
            PlatformAccountDeleteRequest:
              type: object
              required:
              - password
              properties:
                password:
                  type: string
                  minLength: 1
                  description: The account's password, to confirm.
                username:
                  type: string
                  description: Read (must be a string if given) but unused.
                email:
                  type: string
                  description: Read (must be a string if given) but unused.
                avatar:
                  type:
                  - string
                  - 'null'
                  description: Read (must be a string or null if given) but unused.
            PlatformAccountDeleted:
              type: object
              required:
              - message
              properties:
                message:
                  type: string
                  const: 账户已注销
            PlatformGroupCreateRequest:
              type: object
              description: 'Read as Flask''s `data.get(key)`: an optional field of the wrong type reads as absent.'
              required:
              - name
              - owner_id
              properties:
                name:
                  type: string
                  description: Trimmed; 1–100 characters.
                owner_id:
                  type:
                  - integer
                  - string
                  description: The owner (an existing user); with a (valid, non-guest) token it must be the caller.
                type:
                  type: string
                  enum:
                  - public
                  - private
                  default: private
                description:
                  type: string
                  maxLength: 1000
                avatar:
                  type: string
                  maxLength: 255
            PlatformGroupJoinRequest:
              type: object
              required:
              - group_id
              properties:
                group_id:
                  type:
                  - integer
                  - string
                  description: A positive integer, or a string of digits (surrounding spaces allowed). Any other value (0, a negative
                    number, another type) names nobody.
            PlatformGroupMembership:
              type: object
              required:
              - message
              - group_id
              - name
              properties:
                message:
                  type: string
                  enum:
                  - 群组创建成功
                  - 加入群组成功
                  - 已经是群组成员
                group_id:
                  type: integer
                  format: int64
                name:
                  type: string
            PlatformGroupInfo:
              type: object
              required:
              - id
              - name
              - description
              - avatar
              - type
              - owner_id
              - member_count
              - created_at
              properties:
                id:
                  type: integer
                  format: int64
                name:
                  type: string
                description:
                  type:
                  - string
                  - 'null'
                avatar:
                  type:
                  - string
                  - 'null'
                type:
                  type: string
                  enum:
                  - public
                  - private
                owner_id:
                  type: integer
                  format: int64
                  description: 0 for the public channel.
                member_count:
                  type: integer
                  minimum: 0
                created_at:
                  type: string
                  description: Naive UTC, `YYYY-MM-DD HH:MM:SS`.
            PlatformGroup:
              type: object
              description: A group as Rapport's `/api/groups` routes show it.
              required:
              - id
              - name
              - owner_id
              - members
              - created_at
              properties:
                id:
                  type: integer
                  format: int64
                name:
                  type: string
                owner_id:
                  type: integer
                  format: int64
                members:
                  type: array
                  description: By user id.
                  items:
                    type: object
                    required:
                    - user_id
                    - role
                    properties:
                      user_id:
                        type: integer
                        format: int64
                      role:
                        type: string
                        enum:
                        - owner
                        - admin
                        - member
                created_at:
                  type: string
                  description: Naive UTC ISO 8601 with microseconds.
            PlatformGroupList:
              type: object
              required:
              - groups
              properties:
                groups:
                  type: array
                  description: Newest first.
                  items:
                    $ref: '#/components/schemas/PlatformGroup'
            PlatformGroupsCreateRequest:
              type: object
              required:
              - name
              properties:
                name:
                  type: string
                  description: Trimmed, must not be empty; cut to 100 characters.
                member_ids:
                  type:
                  - array
                  - 'null'
                  maxItems: 1000
                  items:
                    type: integer
                    format: int64
                    minimum: 1
                  description: Existing users to add as members (the caller is the owner).
            PlatformGroupsRenameRequest:
              type: object
              required:
              - name
              properties:
                name:
                  type: string
                  description: Trimmed, must not be empty; cut to 100 characters.
            PlatformGroupsAddMembersRequest:
              type: object
              required:
              - user_ids
              properties:
                user_ids:
                  type: array
                  maxItems: 1000
                  items:
                    type: integer
                    format: int64
                    minimum: 1
                  description: Existing users; members already in keep their role.
                role:
                  type:
                  - string
                  - 'null'
                  enum:
                  - member
                  - admin
                  - null
                  default: member
                  description: '`admin` only by the owner.'
            PlatformGroupsSendRequest:
              type: object
              required:
              - content
              properties:
                content:
                  type: string
                  description: Trimmed; must not be empty and at most `MAX_MESSAGE_LENGTH` (10000) characters.
                client_msg_id:
                  type:
                  - string
                  - 'null'
                  description: Idempotency key (first 64 characters).
            PlatformGroupMessage:
              type: object
              required:
              - id
              - conversation_id
              - seq
              - sender_id
              - sender_name
              - content
              - type
              - client_msg_id
              - created_at
              properties:
                id:
                  type: integer
                  format: int64
                conversation_id:
                  type: integer
                  format: int64
                  description: The group's id.
                seq:
                  type: integer
                  format: int64
                  minimum: 1
                sender_id:
                  type: integer
                  format: int64
                sender_name:
                  type:
                  - string
                  - 'null'
                content:
                  type: string
                  description: The text; a media URL for an image; a file's name for a file sent over the socket.
                type:
                  type: string
                  enum:
                  - text
                  - emoji
                  - image
                  - file
                client_msg_id:
                  type:
                  - string
                  - 'null'
                created_at:
                  type: string
                  description: Naive UTC ISO 8601 with microseconds.
                file_url:
                  type: string
                  description: 'Only for a file message: `/uploads/chat/<file_id>` (sent over the socket) or `/uploads/files/<upload
                    id>/<name>` (a resumable upload), signed for the recipients (`?expires=…&signature=…`); downloaded as `/api/file`
                    + it.'
            PlatformGroupMessages:
              type: object
              required:
              - messages
              properties:
                messages:
                  type: array
                  description: Oldest first.
                  items:
                    $ref: '#/components/schemas/PlatformGroupMessage'
            MediaJWTError:
              type: object
              required:
              - msg
              description: Seed 003's token refusal (Flask-JWT-Extended), and its 503 when the token cannot be checked.
              properties:
                msg:
                  type: string
            FileError:
              type: object
              required:
              - error
              - detail
              description: A refusal of the file routes (tus and downloads); `msg`, `message`, `code` and `request_id` may come too.
              properties:
                error:
                  type: string
                detail:
                  type: string
            MediaErrorEnvelope:
              type: object
              required:
              - error
              - message
              - detail
              - code
              - request_id
              description: 'The envelope of errors no API family claims (body too large, database down): the same text under every
                family''s key, the status and the request id.'
              properties:
                error:
                  type: string
                message:
                  type: string
                detail:
                  type: string
                code:
                  type: integer
                request_id:
                  type: string
            MediaValidationError:
              type: object
              required:
              - detail
              - errors
              - path
              description: Seed 004's validation failure (422).
              properties:
                detail:
                  type: string
                  const: 请求参数验证失败
                errors:
                  type: array
                  items:
                    type: string
                  description: '`<field>: <pydantic message>`'
                path:
                  type: string
            MediaPublicProfile:
              type: object
              required:
              - id
              - username
              - avatar
              - bio
              - location
              - phone
              properties:
                id:
                  type: integer
                  format: int64
                username:
                  type: string
                avatar:
                  type:
                  - string
                  - 'null'
                  description: Absolute URL when `BASE_URL` is set; `null` when none.
                bio:
                  type:
                  - string
                  - 'null'
                location:
                  type:
                  - string
                  - 'null'
                phone:
                  type:
                  - string
                  - 'null'
            MediaOwnProfile:
              allOf:
              - $ref: '#/components/schemas/MediaPublicProfile'
              type: object
              required:
              - email
              properties:
                email:
                  type:
                  - string
                  - 'null'
            MediaProfileChanges:
              type: object
              description: Only the keys present change; `null` clears one. Other keys are ignored.
              properties:
                bio:
                  type:
                  - string
                  - 'null'
                  maxLength: 2000
                location:
                  type:
                  - string
                  - 'null'
                  maxLength: 100
                phone:
                  type:
                  - string
                  - 'null'
                  maxLength: 20
            MediaProfileUpdated:
              type: object
              required:
              - message
              - profile
              properties:
                message:
                  type: string
                  const: 个人资料更新成功
                profile:
                  $ref: '#/components/schemas/MediaOwnProfile'
            MediaAvatarUploaded:
              type: object
              required:
              - message
              properties:
                message:
                  type: string
                avatar:
                  type: string
                  description: The new avatar URL; absent when no `avatar` part was sent.
            MediaUploadResult:
              type: object
              required:
              - url
              - filename
              - file_type
              properties:
                url:
                  type: string
                  description: '`<BASE_URL>/api/media/uploads/YYYY/MM/DD/<random>.<ext>`'
                filename:
                  type: string
                  description: The part's file name as sent.
                file_type:
                  type: string
                  enum:
                  - image
                  - file
            AISuggestRequest:
              type: object
              required:
              - current_user_id
              description: Either `messages` or `conversation` (not both).
              anyOf:
              - required:
                - messages
              - required:
                - conversation
              properties:
                current_user_id:
                  type:
                  - integer
                  - string
                  description: The caller's integer id (a number or a string of digits); another id → 403.
                model:
                  type:
                  - string
                  - 'null'
                  description: '`doubao` (default), `gemini`, `deepseek`, `grok` or a configured provider, any case; anything else
                    → 400 `Invalid model`.'
                messages:
                  type: array
                  description: The transcript; items without a truthy `sender_id` and `content` are skipped; the last 200 are used.
                  items:
                    $ref: '#/components/schemas/AITranscriptMessage'
                conversation:
                  $ref: '#/components/schemas/AIConversationRef'
            AITranscriptMessage:
              type: object
              properties:
                sender_id:
                  description: Any value; a non-string is quoted as JSON.
                content:
                  description: Any value; a non-string is quoted as JSON.
            AIConversationRef:
              type: object
              description: 'The caller''s conversation whose last 15 messages are read: a group it is in, or its direct chat with
                a friend. `group_id` wins when both are given.'
              properties:
                group_id:
                  type:
                  - integer
                  - string
                friend_id:
                  type:
                  - integer
                  - string
            SupportAgent:
              type: object
              required:
              - user_id
              - merchant_id
              - capacity
              - load
              - online
              - online_until
              - user
              properties:
                user_id:
                  type: string
                merchant_id:
                  type: string
                capacity:
                  type: integer
                  minimum: 0
                load:
                  type: integer
                  description: Active conversations assigned.
                online:
                  type: boolean
                online_until:
                  type:
                  - integer
                  - 'null'
                  description: End of the presence lease (epoch seconds); null when offline.
                user:
                  description: The user, or null if it no longer exists.
                  oneOf:
                  - $ref: '#/components/schemas/SupportUser'
                  - type: 'null'
            SupportAgentPage:
              type: object
              required:
              - count
              - results
              properties:
                count:
                  type: integer
                results:
                  type: array
                  items:
                    $ref: '#/components/schemas/SupportAgent'
            SupportAgentSaveRequest:
              type: object
              description: A JSON object (may be empty for a merchant registering its own staff).
              properties:
                merchant_id:
                  type:
                  - string
                  - 'null'
                  description: The merchant (a user of role `merchant`); required (non-null) when the caller is an admin, the caller
                    itself otherwise.
                capacity:
                  anyOf:
                  - description: Most active conversations at once, 0–1000. Integers are also accepted as a string of digits (pydantic's
                      lax mode).
                    oneOf:
                    - type: integer
                      minimum: 0
                      maximum: 1000
                    - type: string
                      pattern: ^[ \t\n\r]*\+?0*([0-9]{1,3}|1000)[ \t\n\r]*$
                  - type: 'null'
                  description: Kept when absent or null (5 for a new agent).
            SupportConversation:
              type: object
              required:
              - id
              - customer_id
              - merchant_id
              - customer_unread_count
              - merchant_unread_count
              - last_message
              - last_message_time
              - created_at
              - updated_at
              - customer
              - merchant
              - status
              - assignee_id
              - snoozed_until
              properties:
                id:
                  type: integer
                  format: int64
                customer_id:
                  type: string
                merchant_id:
                  type: string
                customer_unread_count:
                  type: integer
                merchant_unread_count:
                  type: integer
                last_message:
                  type:
                  - string
                  - 'null'
                  description: Preview of the newest message (`[图片]`, `[文件]`, or the first 100 characters).
                last_message_time:
                  type:
                  - integer
                  - 'null'
                  description: Epoch seconds, or null.
                created_at:
                  type: integer
                  description: Epoch seconds.
                updated_at:
                  type: integer
                  description: Epoch seconds.
                customer:
                  description: The user, or null if it no longer exists.
                  oneOf:
                  - $ref: '#/components/schemas/SupportUser'
                  - type: 'null'
                merchant:
                  description: The user, or null if it no longer exists.
                  oneOf:
                  - $ref: '#/components/schemas/SupportUser'
                  - type: 'null'
                status:
                  type: string
                  enum:
                  - open
                  - pending
                  - resolved
                  - snoozed
                assignee_id:
                  type:
                  - string
                  - 'null'
                  description: The agent it is assigned to, or null.
                snoozed_until:
                  type:
                  - integer
                  - 'null'
                  description: Epoch seconds, or null.
            SupportConversationCreate:
              type: object
              required:
              - customer_id
              - merchant_id
              properties:
                customer_id:
                  type: string
                merchant_id:
                  type: string
            SupportConversationDetail:
              type: object
              required:
              - id
              - customer_id
              - merchant_id
              - customer_unread_count
              - merchant_unread_count
              - last_message
              - last_message_time
              - created_at
              - updated_at
              - customer
              - merchant
              - status
              - assignee_id
              - snoozed_until
              - message_count
              - messages
              properties:
                id:
                  type: integer
                  format: int64
                customer_id:
                  type: string
                merchant_id:
                  type: string
                customer_unread_count:
                  type: integer
                merchant_unread_count:
                  type: integer
                last_message:
                  type:
                  - string
                  - 'null'
                  description: Preview of the newest message (`[图片]`, `[文件]`, or the first 100 characters).
                last_message_time:
                  type:
                  - integer
                  - 'null'
                  description: Epoch seconds, or null.
                created_at:
                  type: integer
                  description: Epoch seconds.
                updated_at:
                  type: integer
                  description: Epoch seconds.
                customer:
                  description: The user, or null if it no longer exists.
                  oneOf:
                  - $ref: '#/components/schemas/SupportUser'
                  - type: 'null'
                merchant:
                  description: The user, or null if it no longer exists.
                  oneOf:
                  - $ref: '#/components/schemas/SupportUser'
                  - type: 'null'
                status:
                  type: string
                  enum:
                  - open
                  - pending
                  - resolved
                  - snoozed
                assignee_id:
                  type:
                  - string
                  - 'null'
                  description: The agent it is assigned to, or null.
                snoozed_until:
                  type:
                  - integer
                  - 'null'
                  description: Epoch seconds, or null.
                message_count:
                  type: integer
                messages:
                  type: 'null'
            SupportConversationPage:
              type: object
              required:
              - count
              - results
              properties:
                count:
                  type: integer
                results:
                  type: array
                  items:
                    $ref: '#/components/schemas/SupportConversation'
            SupportEnsureEntry:
              type: object
              required:
              - id
              - role
              properties:
                id:
                  type: string
                  minLength: 1
                  maxLength: 50
                role:
                  type: string
                  enum:
                  - user
                  - buyer
                  - merchant
                  - agent
                  - admin
                  - auditor
                username:
                  type:
                  - string
                  - 'null'
                  maxLength: 100
                  description: 'Missing, null or empty: generated.'
                avatar:
                  type:
                  - string
                  - 'null'
                  maxLength: 255
                  description: 'Missing, null or empty: the role''s default avatar.'
                description:
                  type:
                  - string
                  - 'null'
                  maxLength: 16000
            SupportEnsureRequest:
              type: object
              required:
              - users
              properties:
                users:
                  type: array
                  items:
                    $ref: '#/components/schemas/SupportEnsureEntry'
            SupportIntegrityError:
              type: object
              required:
              - detail
              - error_type
              - path
              properties:
                detail:
                  type: string
                  const: 数据已存在，违反唯一性约束
                error_type:
                  type: string
                  const: integrity_error
                path:
                  type: string
            SupportMessage:
              type: object
              required:
              - id
              - conversation_id
              - sender_id
              - content
              - message_type
              - is_read
              - created_at
              - sender
              properties:
                id:
                  type: integer
                  format: int64
                conversation_id:
                  type: integer
                  format: int64
                sender_id:
                  type: string
                content:
                  type: string
                  description: The text; for `image`/`file` an absolute URL.
                message_type:
                  type: string
                  enum:
                  - text
                  - image
                  - file
                is_read:
                  type: boolean
                created_at:
                  type: integer
                  description: Epoch seconds.
                sender:
                  description: The user, or null if it no longer exists.
                  oneOf:
                  - $ref: '#/components/schemas/SupportUser'
                  - type: 'null'
            SupportMessageCreate:
              type: object
              required:
              - conversation_id
              - sender_id
              - content
              properties:
                conversation_id:
                  description: The conversation. Integers are also accepted as a string of digits (pydantic's lax mode).
                  oneOf:
                  - type: integer
                    minimum: -9223372036854775808
                    maximum: 9223372036854775807
                  - type: string
                    pattern: ^[ \t\n\r]*[+-]?0*[0-9]{1,18}[ \t\n\r]*$
                sender_id:
                  type: string
                  description: The sender; a non-admin must name itself.
                content:
                  type: string
                  maxLength: 10000
                  description: Up to `MAX_MESSAGE_LENGTH` characters (default 10000); empty is allowed. For image/file, the URL.
                message_type:
                  type:
                  - string
                  - 'null'
                  enum:
                  - text
                  - image
                  - file
                  - null
                  default: text
            SupportMessagePage:
              type: object
              required:
              - count
              - results
              properties:
                count:
                  type: integer
                results:
                  type: array
                  items:
                    $ref: '#/components/schemas/SupportMessage'
            SupportPresenceRequest:
              type: object
              required:
              - online
              properties:
                online:
                  type: boolean
            SupportQueue:
              type: object
              required:
              - waiting
              - teams
              properties:
                waiting:
                  type: integer
                  description: Waiting conversations over all the teams shown.
                teams:
                  type: array
                  items:
                    $ref: '#/components/schemas/SupportQueueTeam'
            SupportQueueTeam:
              type: object
              required:
              - merchant_id
              - waiting
              - oldest_waiting_since
              - agents_online
              - agents
              properties:
                merchant_id:
                  type: string
                waiting:
                  type: integer
                oldest_waiting_since:
                  type:
                  - integer
                  - 'null'
                  description: Epoch seconds, or null.
                agents_online:
                  type: integer
                agents:
                  type: array
                  items:
                    $ref: '#/components/schemas/SupportAgent'
            SupportQuickReply:
              type: object
              required:
              - id
              - user_id
              - content
              - sort_order
              - is_active
              - created_at
              properties:
                id:
                  type: integer
                  format: int64
                user_id:
                  type: string
                content:
                  type: string
                sort_order:
                  type: integer
                is_active:
                  type: boolean
                created_at:
                  type: integer
                  description: Epoch seconds.
            SupportQuickReplyCreate:
              type: object
              required:
              - user_id
              - content
              properties:
                user_id:
                  type: string
                  description: The owner; a non-admin must name itself.
                content:
                  type: string
                sort_order:
                  description: Default 0; null means the default.
                  anyOf:
                  - description: Position. Integers are also accepted as a string of digits (pydantic's lax mode).
                    oneOf:
                    - type: integer
                      minimum: -9223372036854775808
                      maximum: 9223372036854775807
                    - type: string
                      pattern: ^[ \t\n\r]*[+-]?0*[0-9]{1,18}[ \t\n\r]*$
                  - type: 'null'
            SupportQuickReplyUpdate:
              type: object
              description: Only the given (non-null) keys are written.
              properties:
                content:
                  type:
                  - string
                  - 'null'
                sort_order:
                  anyOf:
                  - description: Position. Integers are also accepted as a string of digits (pydantic's lax mode).
                    oneOf:
                    - type: integer
                      minimum: -9223372036854775808
                      maximum: 9223372036854775807
                    - type: string
                      pattern: ^[ \t\n\r]*[+-]?0*[0-9]{1,18}[ \t\n\r]*$
                  - type: 'null'
            SupportSnoozeRequest:
              type: object
              required:
              - snoozed_until
              properties:
                snoozed_until:
                  type: number
                  description: Epoch seconds (may have a fraction); must be in the future.
                status:
                  type:
                  - string
                  - 'null'
                  enum:
                  - open
                  - pending
                  - resolved
                  - snoozed
                  - null
                  description: Read but ignored; a value outside the set still gets 422.
            SupportStatusMessage:
              type: object
              required:
              - status
              - message
              properties:
                status:
                  type: string
                  const: success
                message:
                  type: string
            SupportStatusRequest:
              type: object
              required:
              - status
              properties:
                status:
                  type: string
                  enum:
                  - open
                  - pending
                  - resolved
                  - snoozed
                snoozed_until:
                  type:
                  - number
                  - 'null'
                  description: Epoch seconds in the future; required (non-null) when `status` is `snoozed`, ignored otherwise.
              if:
                required:
                - status
                properties:
                  status:
                    const: snoozed
              then:
                required:
                - snoozed_until
                properties:
                  snoozed_until:
                    type: number
            SupportSuccess:
              type: object
              required:
              - status
              properties:
                status:
                  type: string
                  const: success
            SupportTransferRequest:
              type: object
              required:
              - assignee_id
              properties:
                assignee_id:
                  type:
                  - string
                  - 'null'
                  description: An online agent of the conversation's merchant, or null for the queue. The key is required.
            SupportUser:
              type: object
              required:
              - id
              - username
              - email
              - avatar
              - role
              - description
              - status
              - created_at
              - last_seen
              description: Seed 004's `UserResponse` (plus `email` and `last_seen`).
              properties:
                id:
                  type: string
                  description: External id, or the internal integer id in decimal.
                username:
                  type: string
                email:
                  type:
                  - string
                  - 'null'
                avatar:
                  type:
                  - string
                  - 'null'
                  description: Absolute URL (`BASE_URL` + stored path), or null.
                role:
                  type: string
                  enum:
                  - user
                  - buyer
                  - merchant
                  - agent
                  - admin
                  - auditor
                  - guest
                description:
                  type:
                  - string
                  - 'null'
                status:
                  type: string
                  enum:
                  - active
                  - inactive
                  - deleted
                created_at:
                  type: integer
                  description: Epoch seconds.
                last_seen:
                  type:
                  - integer
                  - 'null'
                  description: Epoch seconds, or null.
            SupportUserCreate:
              type: object
              required:
              - id
              - username
              - role
              properties:
                id:
                  type: string
                  minLength: 1
                  maxLength: 50
                  description: The external id.
                username:
                  type: string
                  minLength: 1
                  maxLength: 100
                role:
                  type: string
                  enum:
                  - user
                  - buyer
                  - merchant
                  - agent
                  - admin
                  - auditor
                avatar:
                  type:
                  - string
                  - 'null'
                  maxLength: 255
                  description: Stored path or URL.
                description:
                  type:
                  - string
                  - 'null'
                  maxLength: 16000
                status:
                  type:
                  - string
                  - 'null'
                  enum:
                  - active
                  - inactive
                  - deleted
                  - null
                  default: active
                  description: null means the default.
            SupportUserPage:
              type: object
              required:
              - count
              - results
              properties:
                count:
                  type: integer
                  description: All matching users.
                results:
                  type: array
                  items:
                    $ref: '#/components/schemas/SupportUser'
            SupportUserUpdate:
              type: object
              description: Every key optional; only those present are written.
              properties:
                username:
                  type: string
                  minLength: 1
                  maxLength: 100
                  description: null is refused (422).
                role:
                  type:
                  - string
                  - 'null'
                  enum:
                  - user
                  - buyer
                  - merchant
                  - agent
                  - admin
                  - auditor
                  - null
                  description: null leaves it unchanged.
                avatar:
                  type:
                  - string
                  - 'null'
                  maxLength: 255
                  description: null clears it.
                description:
                  type:
                  - string
                  - 'null'
                  maxLength: 16000
                  description: null clears it.
                status:
                  type:
                  - string
                  - 'null'
                  enum:
                  - active
                  - inactive
                  - deleted
                  - null
                  description: null leaves it unchanged.
            SupportValidationError:
              type: object
              required:
              - detail
              - errors
              - path
              description: 'Seed 004''s validation failure (FastAPI handler): `errors` are `<field path>: <pydantic message>` (just
                the message for the body itself).'
              properties:
                detail:
                  type: string
                  const: 请求参数验证失败
                errors:
                  type: array
                  items:
                    type: string
                  minItems: 1
                path:
                  type: string
                  description: The request path.

        """####

    static let json = ####"""
        {"openapi":"3.1.0","info":{"title":"Rapport","version":"0.9.0","description":"Contacts, chat, audit, realtime and customer-service APIs. Each URL prefix speaks its API family's envelope (see the contracts): errors are `{\"error\"}` (seed 001's Flask routes and seed 003's helper routes), `{\"message\"}` (seed 003's chat routes), `{\"error\",\"message\"}` (seed 003's friend requests), `{\"detail\"}` (seed 004's FastAPI routes), `{\"msg\",\"error\",\"detail\"}` (Rapport's own), or the contacts envelope `{\"code\",\"msg\",\"data\"}`."},"servers":[{"url":"/"}],"tags":[{"name":"Contacts"},{"name":"Audit"},{"name":"Health"},{"name":"Auth"},{"name":"Friends"},{"name":"Messages"},{"name":"Chat"},{"name":"Users"},{"name":"Groups"},{"name":"Profile"},{"name":"Files"},{"name":"AI"},{"name":"Realtime"},{"name":"Support users"},{"name":"Support conversations"},{"name":"Support messages"},{"name":"Support quick replies"},{"name":"Support desk"},{"name":"Documentation"}],"security":[{"bearerAuth":[]}],"paths":{"/api/contacts":{"get":{"operationId":"ContactsList","summary":"List the caller's contacts","tags":["Contacts"],"description":"The caller's live address book, newest first (created_time, then id, descending). Without `limit` and `cursor` the whole book; with either, a page and `next_cursor` (also sent as the `X-Next-Cursor` header when there is a next page). Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server's auth middleware reads on every route.","security":[{"bearerAuth":[]}],"parameters":[{"name":"q","in":"query","required":false,"description":"Search: a case-insensitive substring of the name, or (3+ digits written as a number) part of the phone's E.164 digits. Trimmed; empty means no search.","schema":{"type":"string"}},{"name":"limit","in":"query","required":false,"description":"Page size, 1 to 1000. Anything else (text, empty, out of range) → 400 `limit 必须是 1 到 1000 的整数`. No default: without it the whole book is returned.","schema":{"type":"integer","minimum":1,"maximum":1000}},{"name":"cursor","in":"query","required":false,"description":"The `next_cursor` of the previous page. A value this server did not make (including an empty one) → 400 `cursor 参数无效`.","schema":{"type":"string"}}],"responses":{"200":{"description":"The contacts.","headers":{"X-Next-Cursor":{"description":"Cursor of the next page, when there is one.","schema":{"type":"string"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeContactList"}}}},"400":{"description":"Bad `limit` (`limit 必须是 1 到 1000 的整数`) or `cursor` (`cursor 参数无效`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"401":{"description":"Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization` header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data` null.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"403":{"description":"A guest token (principal 0) has no address book: `访客不能使用通讯录`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"503":{"description":"The database is unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsUnavailable"}}}}}}},"/api/contacts/add":{"post":{"operationId":"ContactsAdd","summary":"Add a contact","tags":["Contacts"],"description":"Creates the contact and its first version (operator = the caller's username). Answers 200, not 201. Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server's auth middleware reads on every route.","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"description":"A JSON object; the Content-Type is not checked.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsFields"}}}},"responses":{"200":{"description":"Created: `添加联系人成功`.","headers":{"ETag":{"description":"The contact's current revision as a strong entity tag, `\"c<id>-r<revision>\"`; send it back in `If-Match`.","schema":{"type":"string","pattern":"^\"c[0-9]+-r[0-9]+\"$"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeContact"}}}},"400":{"description":"Refused input, contacts envelope with `data` null, checked in this order: body not a JSON object (empty, not JSON, or another JSON value) → `请求数据格式错误`; name or phone missing, not a string or empty after trimming → `姓名和手机号不能为空`; name over 100 or phone over 20 characters → `姓名或手机号长度超出限制`; phone not a phone number → `手机号格式不正确`; the number (by its E.164 form) already used by another live contact of the caller → `手机号已存在`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"401":{"description":"Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization` header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data` null.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"403":{"description":"A guest token (principal 0) has no address book: `访客不能使用通讯录`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"413":{"description":"Body over the size limit. A declared `Content-Length` over the limit is refused before reading with the server's generic error body (`请求体过大`); a chunked body that grows past it is refused with an empty body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsServerError"}}}},"503":{"description":"The database is unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsUnavailable"}}}}}}},"/api/contacts/trash":{"get":{"operationId":"ContactsTrash","summary":"List the caller's trashed contacts","tags":["Contacts"],"description":"Deleted contacts stay in the trash for 30 days (then they and their versions are purged), most recently deleted first. Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server's auth middleware reads on every route.","security":[{"bearerAuth":[]}],"responses":{"200":{"description":"The trash.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeTrash"}}}},"401":{"description":"Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization` header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data` null.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"403":{"description":"A guest token (principal 0) has no address book: `访客不能使用通讯录`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"503":{"description":"The database is unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsUnavailable"}}}}}}},"/api/contacts/export":{"get":{"operationId":"ContactsExport","summary":"Export the caller's address book","tags":["Contacts"],"description":"The whole live address book as a file download (`Content-Disposition: attachment; filename=\"contacts.csv\"` or `contacts.vcf`), streamed a page at a time: a database failure after the first bytes cuts the body short. CSV: header `name,phone,created_time,updated_time`, CRLF line ends (an empty book is the header alone); vCard 4.0 (FN, N, TEL, REV), empty for an empty book. Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server's auth middleware reads on every route.","security":[{"bearerAuth":[]}],"parameters":[{"name":"format","in":"query","required":false,"description":"`csv` (default) or `vcard`; anything else (including an empty value) → 400 `format 必须是 csv 或 vcard`.","schema":{"type":"string","enum":["csv","vcard"],"default":"csv"}}],"responses":{"200":{"description":"The file.","headers":{"Content-Disposition":{"description":"`attachment; filename=\"contacts.csv\"` or `\"contacts.vcf\"`.","schema":{"type":"string"}}},"content":{"text/csv":{"schema":{"type":"string"}},"text/vcard":{"schema":{"type":"string"}}}},"400":{"description":"Unknown `format`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"401":{"description":"Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization` header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data` null.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"403":{"description":"A guest token (principal 0) has no address book: `访客不能使用通讯录`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"503":{"description":"The database is unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsUnavailable"}}}}}}},"/api/contacts/import":{"post":{"operationId":"ContactsImport","summary":"Import contacts from CSV or vCard","tags":["Contacts"],"description":"Reads a CSV (RFC 4180, UTF-8 with or without BOM; a header row naming the name and phone columns is recognised, otherwise the first two columns) or vCard (3.0/4.0, 2.1 without encodings) file sent as the raw body. The format is the `format` query parameter when given (then any Content-Type is accepted), else taken from the Content-Type (one containing `csv` or `vcard`). A new number is created, a known number with another name is renamed, a known number with the same name is skipped, invalid records are rejected with a reason; the rest still go in. Body limit: max(MAX_BODY_SIZE, 64 MiB). Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server's auth middleware reads on every route.","security":[{"bearerAuth":[]}],"parameters":[{"name":"format","in":"query","required":false,"description":"`csv` or `vcard`, overriding the Content-Type; anything else (including an empty value) → 400 `format 必须是 csv 或 vcard`.","schema":{"type":"string","enum":["csv","vcard"]}}],"requestBody":{"required":true,"content":{"text/csv":{"schema":{"type":"string"}},"text/vcard":{"schema":{"type":"string"}},"text/x-vcard":{"schema":{"type":"string"}}}},"responses":{"200":{"description":"`导入完成` with the report (an empty file imports nothing).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeImport"}}}},"400":{"description":"Unknown `format` (`format 必须是 csv 或 vcard`), or a file that cannot be read at all (`文件无法读取: <reason>`: not UTF-8, a vCard charset other than UTF-8).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"401":{"description":"Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization` header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data` null.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"403":{"description":"A guest token (principal 0) has no address book: `访客不能使用通讯录`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"413":{"description":"Body over the size limit. A declared `Content-Length` over the limit is refused before reading with the server's generic error body (`请求体过大`); a chunked body that grows past it is refused with an empty body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsServerError"}}}},"415":{"description":"No `format` parameter and a Content-Type that names neither csv nor vcard: `请以 text/csv 或 text/vcard 上传`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"503":{"description":"The database is unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsUnavailable"}}}}}}},"/api/contacts/{id}":{"get":{"operationId":"ContactsGet","summary":"Get one contact","tags":["Contacts"],"description":"Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server's auth middleware reads on every route.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Contact id. Anything that is not a positive 64-bit integer (text, 0, negatives) answers 404 `联系人不存在`. (`trash` and `export` are separate routes.)","schema":{"type":"integer","format":"int64","minimum":1}}],"responses":{"200":{"description":"The contact (`success`).","headers":{"ETag":{"description":"The contact's current revision as a strong entity tag, `\"c<id>-r<revision>\"`; send it back in `If-Match`.","schema":{"type":"string","pattern":"^\"c[0-9]+-r[0-9]+\"$"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeContact"}}}},"401":{"description":"Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization` header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data` null.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"403":{"description":"A guest token (principal 0) has no address book: `访客不能使用通讯录`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"404":{"description":"`联系人不存在`: no such contact in the caller's live address book (another user's id, a trashed contact, or an id that is not a positive integer).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"503":{"description":"The database is unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsUnavailable"}}}}}}},"/api/contacts/{id}/update":{"put":{"operationId":"ContactsUpdate","summary":"Update a contact","tags":["Contacts"],"description":"Checks, in order: the contact exists (404, before the body is read), the body (400), `If-Match` (412). When name and phone equal the stored values nothing is written (no version, same revision) and the answer is the same 200. Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server's auth middleware reads on every route.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Contact id. Anything that is not a positive 64-bit integer (text, 0, negatives) answers 404 `联系人不存在`. (`trash` and `export` are separate routes.)","schema":{"type":"integer","format":"int64","minimum":1}},{"name":"If-Match","in":"header","required":false,"description":"Optimistic concurrency: `*`, or the contact's ETag (`\"c<id>-r<revision>\"`; a comma-separated list is searched for this contact's tag). Any other value (a weak tag, another contact's tag, an older revision) answers 412. Absent or `*`: no check.","schema":{"type":"string"}}],"requestBody":{"required":true,"description":"A JSON object; the Content-Type is not checked.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsFields"}}}},"responses":{"200":{"description":"`更新联系人成功` with the contact as it now is.","headers":{"ETag":{"description":"The contact's current revision as a strong entity tag, `\"c<id>-r<revision>\"`; send it back in `If-Match`.","schema":{"type":"string","pattern":"^\"c[0-9]+-r[0-9]+\"$"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeContact"}}}},"400":{"description":"Refused input, contacts envelope with `data` null, checked in this order: body not a JSON object (empty, not JSON, or another JSON value) → `请求数据格式错误`; name or phone missing, not a string or empty after trimming → `姓名和手机号不能为空`; name over 100 or phone over 20 characters → `姓名或手机号长度超出限制`; phone not a phone number → `手机号格式不正确`; the number (by its E.164 form) already used by another live contact of the caller → `手机号已存在`. (Uniqueness ignores the contact itself.)","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"401":{"description":"Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization` header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data` null.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"403":{"description":"A guest token (principal 0) has no address book: `访客不能使用通讯录`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"404":{"description":"`联系人不存在`: no such contact in the caller's live address book (another user's id, a trashed contact, or an id that is not a positive integer).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"412":{"description":"`If-Match` does not name the current revision: `联系人已被修改，请刷新后重试`, `data` null, nothing changed; the `ETag` header carries the current revision.","headers":{"ETag":{"description":"The contact's current revision as a strong entity tag, `\"c<id>-r<revision>\"`; send it back in `If-Match`.","schema":{"type":"string","pattern":"^\"c[0-9]+-r[0-9]+\"$"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"413":{"description":"Body over the size limit. A declared `Content-Length` over the limit is refused before reading with the server's generic error body (`请求体过大`); a chunked body that grows past it is refused with an empty body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsServerError"}}}},"503":{"description":"The database is unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsUnavailable"}}}}}}},"/api/contacts/{id}/delete":{"delete":{"operationId":"ContactsDelete","summary":"Delete a contact (to the trash)","tags":["Contacts"],"description":"Moves the contact to the trash (kept 30 days, restorable with `POST /api/contacts/{id}/restore`); its number becomes free. Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server's auth middleware reads on every route.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Contact id. Anything that is not a positive 64-bit integer (text, 0, negatives) answers 404 `联系人不存在`. (`trash` and `export` are separate routes.)","schema":{"type":"integer","format":"int64","minimum":1}}],"responses":{"200":{"description":"`删除联系人成功`, `data` null.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeDeleted"}}}},"401":{"description":"Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization` header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data` null.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"403":{"description":"A guest token (principal 0) has no address book: `访客不能使用通讯录`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"404":{"description":"`联系人不存在`: no such contact in the caller's live address book (another user's id, a trashed contact, or an id that is not a positive integer).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"503":{"description":"The database is unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsUnavailable"}}}}}}},"/api/contacts/{id}/versions":{"get":{"operationId":"ContactsVersions","summary":"List a contact's versions","tags":["Contacts"],"description":"Every saved state of a live contact, oldest first (the first is the creation). Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server's auth middleware reads on every route.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Contact id. Anything that is not a positive 64-bit integer (text, 0, negatives) answers 404 `联系人不存在`. (`trash` and `export` are separate routes.)","schema":{"type":"integer","format":"int64","minimum":1}}],"responses":{"200":{"description":"`查询成功` with the versions.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeVersions"}}}},"401":{"description":"Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization` header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data` null.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"403":{"description":"A guest token (principal 0) has no address book: `访客不能使用通讯录`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"404":{"description":"`联系人不存在`: no such contact in the caller's live address book (another user's id, a trashed contact, or an id that is not a positive integer).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"503":{"description":"The database is unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsUnavailable"}}}}}}},"/api/contacts/{id}/versions/{version}/restore":{"post":{"operationId":"ContactsRestoreVersion","summary":"Restore an old version of a contact","tags":["Contacts"],"description":"Makes the version's name and phone current again, as a new version (nothing is written when they already are). No request body. Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server's auth middleware reads on every route.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Contact id. Anything that is not a positive 64-bit integer (text, 0, negatives) answers 404 `联系人不存在`. (`trash` and `export` are separate routes.)","schema":{"type":"integer","format":"int64","minimum":1}},{"name":"version","in":"path","required":true,"description":"A version id from `GET /api/contacts/{id}/versions`. Not an integer, or not a version of this contact → 404 `版本不存在`.","schema":{"type":"integer","format":"int64"}},{"name":"If-Match","in":"header","required":false,"description":"Optimistic concurrency: `*`, or the contact's ETag (`\"c<id>-r<revision>\"`; a comma-separated list is searched for this contact's tag). Any other value (a weak tag, another contact's tag, an older revision) answers 412. Absent or `*`: no check.","schema":{"type":"string"}}],"responses":{"200":{"description":"`恢复版本成功` with the contact as it now is.","headers":{"ETag":{"description":"The contact's current revision as a strong entity tag, `\"c<id>-r<revision>\"`; send it back in `If-Match`.","schema":{"type":"string","pattern":"^\"c[0-9]+-r[0-9]+\"$"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeContact"}}}},"400":{"description":"The version's number is now used by another live contact of the caller: `手机号已存在`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"401":{"description":"Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization` header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data` null.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"403":{"description":"A guest token (principal 0) has no address book: `访客不能使用通讯录`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"404":{"description":"`联系人不存在` (no such live contact, or an id that is not a positive integer) or `版本不存在` (no such version of it).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"412":{"description":"`If-Match` does not name the current revision: `联系人已被修改，请刷新后重试`, `data` null; the `ETag` header carries the current revision.","headers":{"ETag":{"description":"The contact's current revision as a strong entity tag, `\"c<id>-r<revision>\"`; send it back in `If-Match`.","schema":{"type":"string","pattern":"^\"c[0-9]+-r[0-9]+\"$"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"503":{"description":"The database is unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsUnavailable"}}}}}}},"/api/contacts/{id}/restore":{"post":{"operationId":"ContactsRestore","summary":"Restore a contact from the trash","tags":["Contacts"],"description":"Takes a contact out of the trash (no request body). Needs a token: `Authorization: Bearer <jwt>`, or (when there is no usable `Authorization: Bearer` header) the `jwt` query parameter, which the server's auth middleware reads on every route.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Contact id. Anything that is not a positive 64-bit integer (text, 0, negatives) answers 404 `联系人不存在`. (`trash` and `export` are separate routes.)","schema":{"type":"integer","format":"int64","minimum":1}}],"responses":{"200":{"description":"`恢复联系人成功` with the contact.","headers":{"ETag":{"description":"The contact's current revision as a strong entity tag, `\"c<id>-r<revision>\"`; send it back in `If-Match`.","schema":{"type":"string","pattern":"^\"c[0-9]+-r[0-9]+\"$"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeContact"}}}},"400":{"description":"Its number has meanwhile been given to another live contact of the caller: `手机号已存在`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"401":{"description":"Missing token (`缺少认证信息`: no token, a scheme other than Bearer, a malformed or empty `Authorization` header) or a refused one (`Token 无效或已过期`: bad signature, expired, revoked session…). Contacts envelope, `data` null.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"403":{"description":"A guest token (principal 0) has no address book: `访客不能使用通讯录`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"404":{"description":"`联系人不存在`: no such contact in the caller's trash (live contacts, purged ones, other users' ids, ids that are not positive integers).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsEnvelopeError"}}}},"503":{"description":"The database is unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ContactsUnavailable"}}}}}}},"/api/foundation/audit-logs":{"get":{"operationId":"AuditListLogs","summary":"List audit logs with filters","tags":["Audit"],"description":"Filters are exact matches; an empty value is ignored. Without `organization_id` the `X-Organization-Id`/`Organization-Id` header is used; without either, no organisation filter applies. Also served at `/api/foundation/audit-logs/`. Needs the bearer token of a user whose role is `admin` or `auditor` (or the same token in the `jwt` query parameter). Authentication is checked before any parameter.","security":[{"bearerAuth":[]}],"parameters":[{"name":"page","in":"query","required":false,"description":"Page number, default 1, 1 to 2147483647 (an empty value means the default). Not an integer → 400 `int_parsing`; out of range → 400 `greater_than_equal`/`less_than_equal`.","schema":{"type":"integer","minimum":1,"maximum":2147483647,"default":1}},{"name":"size","in":"query","required":false,"description":"Page size, default 10, 1 to 100 (an empty value means the default). Not an integer → 400 `int_parsing`; out of range → 400.","schema":{"type":"integer","minimum":1,"maximum":100,"default":10}},{"name":"start_time","in":"query","required":false,"description":"Inclusive lower bound on created_at. ISO 8601 date-time: `T` or space separator, seconds and fraction optional, optional `Z` or `±HH[:MM]` offset (converted to UTC). A date alone → 400 `datetime_parsing`. Empty = no bound.","schema":{"type":"string","pattern":"^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$","example":"2024-01-01T00:00:00"}},{"name":"end_time","in":"query","required":false,"description":"Inclusive upper bound, same format. Before `start_time` → 400 `value_error`.","schema":{"type":"string","pattern":"^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$","example":"2024-12-31T23:59:59"}},{"name":"organization_id","in":"query","required":false,"description":"Exact organisation id.","schema":{"type":"string"}},{"name":"user_id","in":"query","required":false,"description":"Exact acting user id (external id, or the integer id in decimal).","schema":{"type":"string"}},{"name":"action","in":"query","required":false,"description":"Exact action (`VIEW`, `CREATE`, `UPDATE`, `DELETE`, `LOGIN`, …): 1 to 50 uppercase letters or `_`, else 400 `string_pattern_mismatch`.","schema":{"type":"string","pattern":"^([A-Z_]{1,50})?$"}},{"name":"resource_type","in":"query","required":false,"description":"Exact resource type.","schema":{"type":"string"}},{"name":"resource_id","in":"query","required":false,"description":"Exact resource id.","schema":{"type":"string"}},{"name":"category","in":"query","required":false,"description":"Exact category (e.g. `audit_management`, `contact_management`, `authentication`).","schema":{"type":"string"}},{"name":"status","in":"query","required":false,"description":"`success` or `failed`; anything else → 400 `enum`.","schema":{"type":"string","enum":["success","failed",""]}},{"name":"order_by","in":"query","required":false,"description":"Column to sort by, default `created_at`. One of `id`, `organization_id`, `user_id`, `user_name`, `action`, `resource_type`, `resource_id`, `resource_name`, `category`, `ip_address`, `user_agent`, `request_method`, `request_path`, `status`, `duration_ms`, `created_at`; any other name silently sorts by `created_at`.","schema":{"type":"string","default":"created_at"}},{"name":"order_desc","in":"query","required":false,"description":"Descending (default `true`). Accepts, case-insensitively, true/false, 1/0, yes/no, on/off, t/f, y/n; anything else → 400 `bool_parsing`.","schema":{"type":"string","pattern":"^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|1|0|[Yy][Ee][Ss]|[Nn][Oo]|[Oo][Nn]|[Oo][Ff][Ff]|[TtFfYyNn])?$","default":"true"}},{"name":"X-Organization-Id","in":"header","required":false,"description":"The caller's organisation: used as the `organization_id` filter when that is not given.","schema":{"type":"string"}},{"name":"Organization-Id","in":"header","required":false,"description":"Same, read when `X-Organization-Id` is absent.","schema":{"type":"string"}}],"responses":{"200":{"description":"A page of rows.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditResultPage"}}}},"400":{"description":"Bad query parameters: every bad one listed as a pydantic-style item.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditValidationError"}}}},"401":{"description":"No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store is unreachable): `{\"detail\": \"需要认证\"}`.","headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"403":{"description":"The token's role is neither `admin` nor `auditor`: `{\"detail\": \"权限不足\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"500":{"description":"The audit store failed: `{\"detail\": \"查询审计日志失败: 数据库不可用\"}` when the database is unavailable, else `{\"detail\": \"查询审计日志失败: 内部错误 (request id …)\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}}}}},"/api/foundation/audit-logs/export":{"get":{"operationId":"AuditExportGet","summary":"GET on the export path (not an export)","tags":["Audit"],"description":"As in seed 002, `GET …/export` is the detail route asked for the id `export`: after the role check it always answers 404. Exports are `POST`. Needs the bearer token of a user whose role is `admin` or `auditor` (or the same token in the `jwt` query parameter). Authentication is checked before any parameter.","security":[{"bearerAuth":[]}],"responses":{"401":{"description":"No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store is unreachable): `{\"detail\": \"需要认证\"}`.","headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"403":{"description":"The token's role is neither `admin` nor `auditor`: `{\"detail\": \"权限不足\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"Always: `审计日志不存在`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditNotFound"}}}}}},"post":{"operationId":"AuditExportLogs","summary":"Export audit logs as JSON or CSV text","tags":["Audit"],"description":"Up to 10 000 matching rows, newest first, returned as text inside the `Result` envelope. The rows are streamed a page at a time after the 200 status: a store failure mid-way cuts the body short (invalid JSON) instead of changing the status. The Content-Type of the request is not checked. Needs the bearer token of a user whose role is `admin` or `auditor` (or the same token in the `jwt` query parameter). Authentication is checked before any parameter.","security":[{"bearerAuth":[]}],"parameters":[{"name":"X-Organization-Id","in":"header","required":false,"description":"The caller's organisation: used as the `organization_id` filter when that is not given.","schema":{"type":"string"}},{"name":"Organization-Id","in":"header","required":false,"description":"Same, read when `X-Organization-Id` is absent.","schema":{"type":"string"}}],"requestBody":{"required":true,"description":"A JSON object (`{}` is fine).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditExportRequest"}}}},"responses":{"200":{"description":"The file text.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditResultExport"}}}},"400":{"description":"Refused body: empty (`missing`, loc `[\"body\"]`), not JSON (`json_invalid`), not an object (`model_attributes_type`), a field that is not a string (`string_type`), a bad `action` (`string_pattern_mismatch`), `status` (`enum`), `start_time`/`end_time` (`datetime_parsing`, `value_error`) or `format` (`string_pattern_mismatch`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditValidationError"}}}},"401":{"description":"No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store is unreachable): `{\"detail\": \"需要认证\"}`.","headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"403":{"description":"The token's role is neither `admin` nor `auditor`: `{\"detail\": \"权限不足\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"Body over MAX_BODY_SIZE: declared `Content-Length` over it → the server's generic error body; a chunked body growing past it → 413 with an empty body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditServerError"}}}}}}},"/api/foundation/audit-logs/verify":{"get":{"operationId":"AuditVerifyChain","summary":"Verify the audit log's hash chain","tags":["Audit"],"description":"Checks every sealed record against the chain and its head; `problem` says what broke, where. Needs the bearer token of a user whose role is `admin` or `auditor` (or the same token in the `jwt` query parameter). Authentication is checked before any parameter.","security":[{"bearerAuth":[]}],"responses":{"200":{"description":"The chain's state.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditResultVerification"}}}},"401":{"description":"No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store is unreachable): `{\"detail\": \"需要认证\"}`.","headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"403":{"description":"The token's role is neither `admin` nor `auditor`: `{\"detail\": \"权限不足\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"500":{"description":"The audit store failed: `{\"detail\": \"校验审计日志失败: 数据库不可用\"}` when the database is unavailable, else `{\"detail\": \"校验审计日志失败: 内部错误 (request id …)\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}}}}},"/api/foundation/audit-logs/users/{user_id}":{"get":{"operationId":"AuditListUserLogs","summary":"List one user's audit logs","tags":["Audit"],"description":"Rows whose `user_id` equals the path value, newest first, no organisation filter. Needs the bearer token of a user whose role is `admin` or `auditor` (or the same token in the `jwt` query parameter). Authentication is checked before any parameter.","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"description":"The acting user's id as recorded (external id, or the integer id in decimal). Any text; an unknown one gives an empty page.","schema":{"type":"string"}},{"name":"page","in":"query","required":false,"description":"Page number, default 1, 1 to 2147483647 (an empty value means the default). Not an integer → 400 `int_parsing`; out of range → 400 `greater_than_equal`/`less_than_equal`.","schema":{"type":"integer","minimum":1,"maximum":2147483647,"default":1}},{"name":"size","in":"query","required":false,"description":"Page size, default 10, 1 to 100 (an empty value means the default). Not an integer → 400 `int_parsing`; out of range → 400.","schema":{"type":"integer","minimum":1,"maximum":100,"default":10}},{"name":"start_time","in":"query","required":false,"description":"Inclusive lower bound on created_at. ISO 8601 date-time: `T` or space separator, seconds and fraction optional, optional `Z` or `±HH[:MM]` offset (converted to UTC). A date alone → 400 `datetime_parsing`. Empty = no bound.","schema":{"type":"string","pattern":"^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$","example":"2024-01-01T00:00:00"}},{"name":"end_time","in":"query","required":false,"description":"Inclusive upper bound, same format. Before `start_time` → 400 `value_error`.","schema":{"type":"string","pattern":"^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$","example":"2024-12-31T23:59:59"}}],"responses":{"200":{"description":"A page of rows.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditResultPage"}}}},"400":{"description":"Bad query parameters: every bad one listed as a pydantic-style item.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditValidationError"}}}},"401":{"description":"No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store is unreachable): `{\"detail\": \"需要认证\"}`.","headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"403":{"description":"The token's role is neither `admin` nor `auditor`: `{\"detail\": \"权限不足\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"500":{"description":"The audit store failed: `{\"detail\": \"查询用户审计日志失败: 数据库不可用\"}` when the database is unavailable, else `{\"detail\": \"查询用户审计日志失败: 内部错误 (request id …)\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}}}}},"/api/foundation/audit-logs/resources/{resource_type}/{resource_id}":{"get":{"operationId":"AuditListResourceLogs","summary":"List one resource's audit logs","tags":["Audit"],"description":"Rows matching both path values, newest first, no organisation filter. Needs the bearer token of a user whose role is `admin` or `auditor` (or the same token in the `jwt` query parameter). Authentication is checked before any parameter.","security":[{"bearerAuth":[]}],"parameters":[{"name":"resource_type","in":"path","required":true,"description":"e.g. `contact`, `messages`.","schema":{"type":"string"}},{"name":"resource_id","in":"path","required":true,"description":"The resource's id as recorded (any text).","schema":{"type":"string"}},{"name":"page","in":"query","required":false,"description":"Page number, default 1, 1 to 2147483647 (an empty value means the default). Not an integer → 400 `int_parsing`; out of range → 400 `greater_than_equal`/`less_than_equal`.","schema":{"type":"integer","minimum":1,"maximum":2147483647,"default":1}},{"name":"size","in":"query","required":false,"description":"Page size, default 10, 1 to 100 (an empty value means the default). Not an integer → 400 `int_parsing`; out of range → 400.","schema":{"type":"integer","minimum":1,"maximum":100,"default":10}},{"name":"start_time","in":"query","required":false,"description":"Inclusive lower bound on created_at. ISO 8601 date-time: `T` or space separator, seconds and fraction optional, optional `Z` or `±HH[:MM]` offset (converted to UTC). A date alone → 400 `datetime_parsing`. Empty = no bound.","schema":{"type":"string","pattern":"^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$","example":"2024-01-01T00:00:00"}},{"name":"end_time","in":"query","required":false,"description":"Inclusive upper bound, same format. Before `start_time` → 400 `value_error`.","schema":{"type":"string","pattern":"^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$","example":"2024-12-31T23:59:59"}}],"responses":{"200":{"description":"A page of rows.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditResultPage"}}}},"400":{"description":"Bad query parameters: every bad one listed as a pydantic-style item.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditValidationError"}}}},"401":{"description":"No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store is unreachable): `{\"detail\": \"需要认证\"}`.","headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"403":{"description":"The token's role is neither `admin` nor `auditor`: `{\"detail\": \"权限不足\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"500":{"description":"The audit store failed: `{\"detail\": \"查询资源审计日志失败: 数据库不可用\"}` when the database is unavailable, else `{\"detail\": \"查询资源审计日志失败: 内部错误 (request id …)\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}}}}},"/api/foundation/audit-logs/{audit_log_id}":{"get":{"operationId":"AuditGetLog","summary":"Get one audit log","tags":["Audit"],"description":"(`verify` and `export` are separate routes.) Needs the bearer token of a user whose role is `admin` or `auditor` (or the same token in the `jwt` query parameter). Authentication is checked before any parameter.","security":[{"bearerAuth":[]}],"parameters":[{"name":"audit_log_id","in":"path","required":true,"description":"The row's id (a UUID string); any other text is simply not found.","schema":{"type":"string"}}],"responses":{"200":{"description":"The row.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditResultLog"}}}},"401":{"description":"No usable token (missing, malformed, bad signature, expired, revoked — and also when the session store is unreachable): `{\"detail\": \"需要认证\"}`.","headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"403":{"description":"The token's role is neither `admin` nor `auditor`: `{\"detail\": \"权限不足\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such row: `审计日志不存在` (envelope plus `detail`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuditNotFound"}}}},"500":{"description":"The audit store failed: `{\"detail\": \"查询审计日志详情失败: 数据库不可用\"}` when the database is unavailable, else `{\"detail\": \"查询审计日志详情失败: 内部错误 (request id …)\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}}}}},"/api/health":{"get":{"operationId":"HealthCheck","summary":"Service and database health","tags":["Health"],"description":"Public. The seeds' union body plus a database check (its result is reused for one second). Not recorded in the audit log.","security":[],"responses":{"200":{"description":"Up, database reachable.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/HealthOk"}}}},"503":{"description":"The database check failed (no `Retry-After`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/HealthUnavailable"}}}}}}},"/api/auth/register":{"post":{"operationId":"AuthRegister","summary":"Register an account (union of seeds 001/003)","tags":["Auth"],"description":"Public. Creates a `user`-role account, makes it a member of the public channel (group 1) and logs it in. Username and e-mail are trimmed (the emptiness checks run before trimming); the password is not trimmed. `code` (seed 003's e-mail code) is ignored. Any Content-Type is read as JSON.\n\nChecks in order: body not a JSON object → 415; username or password missing/empty → 400; e-mail missing/empty (or not a string) → 400; username empty after trim, longer than 50 characters or a deleted account's name → 400; e-mail longer than 120 characters → 400; username taken (case-insensitive) → 400; e-mail taken → 400; password shorter than 8 characters or longer than 72 bytes → 400.","requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthRegisterRequest"}}}},"responses":{"201":{"description":"Registered and logged in.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthRegisterResponse"}}}},"400":{"description":"A required field is missing or a value is refused. The \"required\"/\"taken\" answers carry `error` and `message` (seed 001 and seed 003 wording); length refusals carry the same text under `error`, `message` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthRegisterError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"415":{"description":"Body empty, not JSON, or not a JSON object.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthRegisterError"}}}},"503":{"description":"Database unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}}}}},"/api/auth/login":{"post":{"operationId":"AuthLogin","summary":"Log in by username or e-mail, or as a guest (union of seeds 001/003/004)","tags":["Auth"],"description":"Public. The identifier is the trimmed `username` if non-empty, else the trimmed `email`, matched against username or e-mail (case-insensitive). Seed 003's guest login: no non-empty `username`, the key `email` present (any value, even `null`) and `email` or `password` empty (a non-string counts as empty) → a guest token (principal 0) and `user_id: 0`, without `username`, `email` or `user`. `captcha` is ignored.\n\nFailed logins are throttled: 5 failures for one (client address, identifier) or 20 from one address within 60 s → 429 with `Retry-After` (checked before the password).\n\nThe `user` object is seed 001's form (integer id, ISO timestamps) for ordinary users and seed 004's form (string id, epoch timestamps, absolute avatar URL) for users with an external id; `userId`/`user_id` follow it.","requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthLoginRequest"}}}},"responses":{"200":{"description":"Logged in (or guest token).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthLoginResponse"}}}},"400":{"description":"Body not a JSON object, or identifier/password missing or empty.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthUnionError"}}}},"401":{"description":"Unknown identifier or wrong password (`error`/`detail` \"用户名或密码错误\", `message` \"邮箱或密码错误\"), or the account has no password (\"账号未设置密码\").","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthUnionError"}}}},"403":{"description":"A seed-004 account that is not an admin (\"只有管理员可以登录\"), or the account is not active (\"账号已被停用\").","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthUnionError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"429":{"description":"Too many failed logins.","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthThrottleError"}}}},"503":{"description":"Database unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}}}}},"/api/auth/change_password":{"post":{"operationId":"AuthChangePassword","summary":"Change the caller's password (seed 001)","tags":["Auth"],"description":"Checks the old password, stores the new one and ends every other session of the user (the current token keeps working). Body fields of the wrong type count as missing. A guest token gets 404.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthChangePasswordRequest"}}}},"responses":{"200":{"description":"Password changed.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthMessage"}}}},"400":{"description":"`old_password` or `new_password` missing/empty (\"旧密码和新密码都是必需的\"), or the new password is shorter than 8 characters / longer than 72 bytes.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"401":{"description":"Token refused (`{\"msg\"}`, Flask-JWT-Extended) or the old password is wrong (`{\"error\": \"旧密码错误\"}`).","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/FlaskError"}]}}}},"404":{"description":"The caller has no user row (guest, or gone): `{\"error\": \"用户不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/auth/profile":{"get":{"operationId":"AuthProfile","summary":"The caller's account (seed 001)","tags":["Auth"],"description":"Seed 001's `UserJSON` of the caller (plus role, description and account status).\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"responses":{"200":{"description":"The caller.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthProfileResponse"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"404":{"description":"The caller has no user row (guest, or gone).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/auth/me":{"get":{"operationId":"AuthMe","summary":"The caller's account (seed 004)","tags":["Auth"],"description":"Seed 004's `UserResponse` of the caller: string id (external id, else the integer id in decimal), epoch timestamps, absolute avatar URL. Token failures answer in seed 004's words with `WWW-Authenticate: Bearer`.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"responses":{"200":{"description":"The caller.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthSupportUser"}}}},"401":{"description":"Missing/invalid/expired/revoked token, or the caller has no user row (guest): `{\"detail\": \"用户不存在\"}`. Always with `WWW-Authenticate: Bearer`.","headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","required":true,"schema":{"type":"string"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/FastAPIError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/auth/token":{"post":{"operationId":"AuthMintToken","summary":"Mint a token for a provisioned user (admin only)","tags":["Auth"],"description":"An admin mints an access token (a new session) for another account, named by its external id or, when all digits, its integer id. Validation failures answer seed 004's 422 envelope.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthMintTokenRequest"}}}},"responses":{"200":{"description":"The token and the user.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthMintedToken"}}}},"401":{"description":"Missing/invalid/expired/revoked token (`{\"detail\"}`, `WWW-Authenticate: Bearer`).","headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","required":true,"schema":{"type":"string"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"403":{"description":"The caller is not an admin (\"需要管理员权限\"), or the account is not active (\"账号已被停用\").","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such user: `{\"detail\": \"User not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Body missing/not a JSON object, `user_id` missing, not a string, or empty.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthValidationError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/FastAPIError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/auth/logout":{"post":{"operationId":"AuthLogout","summary":"End the current session","tags":["Auth"],"description":"Revokes the session the token belongs to; the token is refused afterwards (401 \"Token has been revoked\"). No body is read. Guests may log out too.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"responses":{"200":{"description":"Logged out: `{\"message\": \"已退出登录\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthMessage"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (`{\"msg\",\"error\",\"detail\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/UnionError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/auth/sessions":{"get":{"operationId":"AuthListSessions","summary":"The caller's active sessions","tags":["Auth"],"description":"Every unexpired, unrevoked session of the caller (a guest sees only its own), `current` marking the one of this token.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"responses":{"200":{"description":"The sessions.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthSessionList"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (`{\"msg\",\"error\",\"detail\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/UnionError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/auth/sessions/{id}":{"delete":{"operationId":"AuthRevokeSession","summary":"End one of the caller's sessions","tags":["Auth"],"description":"Revokes one active session of the caller (a guest: only its own current one). Someone else's, an unknown, an expired or an already revoked session is 404.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"},"description":"The session id (`sessions[].id`, a lower-case UUID); any text is looked up."}],"responses":{"200":{"description":"Revoked: `{\"message\": \"会话已注销\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthMessage"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (`{\"msg\",\"error\",\"detail\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"404":{"description":"No such active session of the caller: \"会话不存在\" under `error`, `message` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthUnionError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/UnionError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/auth/captcha":{"get":{"operationId":"AuthCaptcha","summary":"A captcha image (seed 003 helper)","tags":["Auth"],"description":"Public. A PNG of four random characters as a data URL. Logins do not check it (failed-login throttling replaces it), so nothing is kept and nothing is throttled.","responses":{"200":{"description":"The captcha.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthCaptcha"}}}}}}},"/api/auth/email-code-status":{"get":{"operationId":"AuthEmailCodeStatus","summary":"Seconds until another e-mail code may be sent (seed 003 helper)","tags":["Auth"],"description":"Public. Always `{\"remaining\": 0}`: registering needs no code, so none is ever pending.","parameters":[{"name":"email","in":"query","required":false,"schema":{"type":"string"},"description":"Seed 003 clients send it; it is not read."}],"responses":{"200":{"description":"Always 0.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthEmailCodeStatus"}}}}}}},"/api/auth/send-email-code":{"post":{"operationId":"AuthSendEmailCode","summary":"Pretend to send an e-mail code (seed 003 helper)","tags":["Auth"],"description":"Public. Checks the e-mail (trimmed) and answers as if a code had been sent; no mail is sent. Errors use seed 003's `{\"message\"}`.","requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthSendEmailCodeRequest"}}}},"responses":{"200":{"description":"\"Sent\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthEmailCodeSent"}}}},"400":{"description":"E-mail missing, empty or not a string (\"邮箱不能为空\"), or not shaped like an address / longer than 120 characters (\"邮箱格式不正确\").","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"415":{"description":"Body empty, not JSON, or not a JSON object: \"请求必须是JSON格式\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}}}}},"/api/auth/login-logs":{"get":{"operationId":"AuthLoginLogs","summary":"The caller's login attempts (seed 003 login log)","tags":["Auth"],"description":"Newest first. An admin may read any account's log with `user_id`. Refusals use seed 003's `{\"message\"}`; token failures seed 003's Flask-JWT-Extended `{\"msg\"}` (whose texts name the `jwt` query parameter).\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"query","required":false,"schema":{"type":"integer","minimum":1},"description":"Whose log (default: the caller). Another user's needs the admin role. Empty is ignored; anything else that is not a positive integer → 400."},{"name":"page","in":"query","required":false,"schema":{"type":"integer","minimum":1,"default":1},"description":"Page number, 1-based; not a positive integer → 400; values over 1000000 read as 1000000."},{"name":"per_page","in":"query","required":false,"schema":{"type":"integer","minimum":1,"maximum":100,"default":20},"description":"Page size; not a positive integer → 400; values over 100 read as 100."}],"responses":{"200":{"description":"One page of the log.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthLoginLogPage"}}}},"400":{"description":"`user_id`, `page` or `per_page` present but not a positive integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"403":{"description":"Guest token (\"访客没有登录记录\"), or a non-admin asking for someone else's log.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"404":{"description":"An admin asked for an unknown user: \"用户不存在\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/add":{"post":{"operationId":"ChatAddFriend","summary":"Befriend a user by username (seed 001)","tags":["Friends"],"description":"Immediate mutual friendship (no request step). `friend_username` is trimmed and matched case-insensitively against usernames (a non-string counts as missing).\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatAddFriendRequest"}}}},"responses":{"200":{"description":"Friends now.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatAddFriendResponse"}}}},"400":{"description":"`friend_username` missing/empty (\"好友用户名是必需的\"), the caller itself (\"不能添加自己为好友\"), or already friends (\"已经是好友了\").","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"403":{"description":"One of the two blocked the other: \"无法添加该用户为好友\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"404":{"description":"The caller has no user row, or no user has that username: \"用户不存在\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/list":{"get":{"operationId":"ChatListFriends","summary":"The caller's friends (seed 001)","tags":["Friends"],"description":"Each friend once, ordered by username.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"responses":{"200":{"description":"The friends.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatFriendList"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"404":{"description":"The caller has no user row (guest token, or the account is gone): `{\"error\": \"用户不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/remove":{"post":{"operationId":"ChatRemoveFriend","summary":"End a friendship (seed 001)","tags":["Friends"],"description":"Deletes both directions; succeeds even when the two were not friends or the id names nobody.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatRemoveFriendRequest"}}}},"responses":{"200":{"description":"`{\"message\": \"好友删除成功\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatNotice"}}}},"400":{"description":"`friend_id` missing or not a positive integer: \"好友ID是必需的\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"404":{"description":"The caller has no user row (guest token, or the account is gone): `{\"error\": \"用户不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/search":{"get":{"operationId":"ChatSearchUsers","summary":"Search users by username (seed 001)","tags":["Friends"],"description":"Users whose username contains the keyword (case-insensitive, `%`/`_` literal), at most 20, in id order; the caller included when it matches.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"parameters":[{"name":"keyword","in":"query","required":true,"schema":{"type":"string","pattern":"\\S"},"description":"Trimmed; missing or blank → 400."}],"responses":{"200":{"description":"The matches.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatUserList"}}}},"400":{"description":"`keyword` missing or blank: \"搜索关键词不能为空\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"404":{"description":"The caller has no user row (guest token, or the account is gone): `{\"error\": \"用户不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/requests":{"get":{"operationId":"ChatListFriendRequests","summary":"The caller's pending friend requests","tags":["Friends"],"description":"Pending requests the caller received (`incoming`) and sent (`outgoing`), oldest first. Refusals use the friend-request envelope `{\"error\",\"message\"}`; token failures Flask-JWT-Extended's `{\"msg\"}`.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"responses":{"200":{"description":"The pending requests.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatFriendRequestLists"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"404":{"description":"Guest token: `{\"error\": \"用户不存在\", \"message\": \"用户不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}},"post":{"operationId":"ChatSendFriendRequest","summary":"Ask a user to be friends","tags":["Friends"],"description":"Creates a pending request (201) and tells the receiver's connections (`friend_request_received`). If the caller already has a pending request to this user, that one is returned (200); if the receiver had already asked the caller, that request is accepted and the two become friends (200, status `accepted`). The receiver is `receiver_id`, else `user_id`. After a rejection the same receiver may be asked again only after 24 h; each sender may make 30 requests an hour (429 with `Retry-After`).\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatFriendRequestCreate"}}}},"responses":{"200":{"description":"The caller's existing pending request, or the receiver's request now accepted.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatFriendRequest"}}}},"201":{"description":"A new pending request.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatFriendRequest"}}}},"400":{"description":"No receiver (\"接收者ID是必需的\"), the caller itself (\"不能添加自己为好友\"), or already friends (\"已经是好友了\").","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"403":{"description":"One of the two blocked the other: \"无法添加该用户为好友\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"404":{"description":"Guest token, or the caller or the receiver has no user row: \"用户不存在\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"429":{"description":"Rejection cool-down or hourly allowance: \"请求过于频繁，请在<n>秒后重试\".","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/requests/{id}/accept":{"post":{"operationId":"ChatAcceptFriendRequest","summary":"Accept a friend request","tags":["Friends"],"description":"The receiver accepts a pending request; the two become friends. Both users' connections hear `friend_request_accepted`. `id` must be a positive integer; anything else is 404 (\"好友请求不存在\").\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer","minimum":1},"description":"The request id. Not a positive integer → 404 \"好友请求不存在\"."}],"responses":{"200":{"description":"The request after the change.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatFriendRequest"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"403":{"description":"Not the caller's to accept: \"无权处理该好友请求\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"404":{"description":"Guest token (\"用户不存在\"), or no such request (\"好友请求不存在\").","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"409":{"description":"The request is no longer pending: \"该好友请求已处理\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/requests/{id}/reject":{"post":{"operationId":"ChatRejectFriendRequest","summary":"Reject a friend request","tags":["Friends"],"description":"The receiver rejects a pending request (the sender may ask again after 24 h). Both users' connections hear `friend_request_rejected`. `id` must be a positive integer; anything else is 404 (\"好友请求不存在\").\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer","minimum":1},"description":"The request id. Not a positive integer → 404 \"好友请求不存在\"."}],"responses":{"200":{"description":"The request after the change.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatFriendRequest"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"403":{"description":"Not the caller's to reject: \"无权处理该好友请求\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"404":{"description":"Guest token (\"用户不存在\"), or no such request (\"好友请求不存在\").","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"409":{"description":"The request is no longer pending: \"该好友请求已处理\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/requests/{id}/decline":{"post":{"operationId":"ChatDeclineFriendRequest","summary":"Decline a friend request (same as reject)","tags":["Friends"],"description":"The receiver rejects a pending request; an alias of `reject`. Both users' connections hear `friend_request_rejected`. `id` must be a positive integer; anything else is 404 (\"好友请求不存在\").\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer","minimum":1},"description":"The request id. Not a positive integer → 404 \"好友请求不存在\"."}],"responses":{"200":{"description":"The request after the change.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatFriendRequest"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"403":{"description":"Not the caller's to decline: \"无权处理该好友请求\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"404":{"description":"Guest token (\"用户不存在\"), or no such request (\"好友请求不存在\").","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"409":{"description":"The request is no longer pending: \"该好友请求已处理\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/requests/{id}/cancel":{"post":{"operationId":"ChatCancelFriendRequest","summary":"Withdraw a friend request","tags":["Friends"],"description":"The sender withdraws its pending request. Both users' connections hear `friend_request_cancelled`. `id` must be a positive integer; anything else is 404 (\"好友请求不存在\").\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer","minimum":1},"description":"The request id. Not a positive integer → 404 \"好友请求不存在\"."}],"responses":{"200":{"description":"The request after the change.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatFriendRequest"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"403":{"description":"Not the caller's to cancel: \"无权处理该好友请求\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"404":{"description":"Guest token (\"用户不存在\"), or no such request (\"好友请求不存在\").","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"409":{"description":"The request is no longer pending: \"该好友请求已处理\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/blocked":{"get":{"operationId":"ChatListBlocked","summary":"Users the caller blocked","tags":["Friends"],"description":"In id order, each with presence (`online`/`offline`).\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"responses":{"200":{"description":"The blocked users.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatBlockedList"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"404":{"description":"Guest token: `{\"error\": \"用户不存在\", \"message\": \"用户不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/block":{"post":{"operationId":"ChatBlockUser","summary":"Block a user","tags":["Friends"],"description":"Ends the friendship, closes pending requests between the two (the blocker's connections hear `friend_request_rejected`/`friend_request_cancelled`), and neither can ask the other until unblocked. Blocking again is harmless.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatBlockRequest"}}}},"responses":{"200":{"description":"Blocked.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatBlockResult"}}}},"400":{"description":"`user_id` missing or not a positive integer (\"用户ID是必需的\"), or the caller itself (\"不能添加自己为好友\").","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"404":{"description":"Guest token, or no such user: \"用户不存在\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/block/{user_id}":{"delete":{"operationId":"ChatUnblockUser","summary":"Unblock a user","tags":["Friends"],"description":"Removes the caller's block of the user; succeeds whether or not there was one.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"schema":{"type":"integer"},"description":"The user to unblock (any integer is accepted). Not an integer → 404 \"用户不存在\"."}],"responses":{"200":{"description":"Unblocked.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatBlockResult"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"404":{"description":"Guest token, or `user_id` is not an integer: \"用户不存在\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/friend/check/{user_id}":{"get":{"operationId":"ChatCheckFriend","summary":"Whether any friendship row exists with a user (seed 003)","tags":["Friends"],"description":"True when a friendship row exists in either direction. Guests may call it (always false). Token failures use seed 003's Flask-JWT-Extended `{\"msg\"}` texts.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"schema":{"type":"integer"},"description":"The other user. Not an integer → 404."}],"responses":{"200":{"description":"The answer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatFriendCheck"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"404":{"description":"`user_id` is not an integer: `{\"error\": \"用户不存在\", \"message\": \"用户不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FriendsError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/message/send":{"post":{"operationId":"ChatSendMessage","summary":"Send a direct message to a friend (seed 001)","tags":["Messages"],"description":"Stores the message (content trimmed) and pushes it live to both users' connections. A repeated `client_msg_id` (first 64 characters kept) returns the stored message instead of storing it again.\n\nChecks in order: `receiver_id` missing/not positive, or `content` missing/not a string/blank → 400; `message_type` present but not one of the four → 400; receiver is the caller → 400; content longer than `MAX_MESSAGE_LENGTH` (default 10000) characters after trimming → 400; not friends → 404 if the receiver does not exist, else 403.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatSendMessageRequest"}}}},"responses":{"200":{"description":"Sent (or the earlier message with the same `client_msg_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatSendResult"}}}},"400":{"description":"\"接收者ID和消息内容都是必需的\", \"消息类型只能是 text、emoji、image 或 file\", \"不能给自己发消息\" or \"消息内容不能超过<n>个字符\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"403":{"description":"Not friends: \"只能给好友发送消息\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"404":{"description":"Guest token (\"用户不存在\"), or no such receiver (\"接收者不存在\").","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/message/history":{"get":{"operationId":"ChatMessageHistory","summary":"Direct messages with a friend, paginated (seed 001)","tags":["Messages"],"description":"Page `page` of `per_page` messages counted from the newest, returned oldest first; or, with `before_seq` / `after_seq`, up to `per_page` messages before/after that sequence number (then `page` is not used for the offset). Side effect: everything the friend sent the caller is marked read (the answer shows it).\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"parameters":[{"name":"friend_id","in":"query","required":true,"schema":{"type":"integer","minimum":1},"description":"The friend. Missing, 0 or not an integer → 400."},{"name":"page","in":"query","required":false,"schema":{"type":"integer","default":1},"description":"1-based page; not an integer → 1; below 1 → 1; above 10000000 → 10000000 (lenient, as seed 001)."},{"name":"per_page","in":"query","required":false,"schema":{"type":"integer","default":20},"description":"Page size; not an integer → 20; 0 or below → 20; above 1000 → 1000 (the value shown in `pagination`)."},{"name":"before_seq","in":"query","required":false,"schema":{"type":"integer"},"description":"Only messages with a smaller sequence number; not an integer → ignored."},{"name":"after_seq","in":"query","required":false,"schema":{"type":"integer"},"description":"Only messages with a larger sequence number; not an integer → ignored."}],"responses":{"200":{"description":"The page.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatHistory"}}}},"400":{"description":"`friend_id` missing or not a positive integer: \"好友ID是必需的\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"403":{"description":"Not friends (including the caller's own id): \"只能查看好友的聊天记录\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"404":{"description":"The caller has no user row (guest token, or the account is gone): `{\"error\": \"用户不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/message/chats":{"get":{"operationId":"ChatListChats","summary":"Recent conversations (seed 001)","tags":["Messages"],"description":"One entry per partner the caller exchanged messages with (friendship not required), newest last message first. No side effects.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"responses":{"200":{"description":"The conversations.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatChatList"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"404":{"description":"The caller has no user row (guest token, or the account is gone): `{\"error\": \"用户不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/message/last":{"get":{"operationId":"ChatLastMessage","summary":"The newest message with a friend (seed 001)","tags":["Messages"],"description":"No read-marking. Without messages the answer is `{\"message\": \"暂无消息记录\"}`.\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"parameters":[{"name":"friend_id","in":"query","required":true,"schema":{"type":"integer","minimum":1},"description":"The friend. Missing, 0 or not an integer → 400."}],"responses":{"200":{"description":"The newest message, or the \"no messages\" notice.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatLastMessageResponse"}}}},"400":{"description":"`friend_id` missing or not a positive integer: \"好友ID是必需的\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"403":{"description":"Not friends: \"只能查看好友的消息\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"404":{"description":"The caller has no user row (guest token, or the account is gone): `{\"error\": \"用户不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/message/mark_read":{"post":{"operationId":"ChatMarkRead","summary":"Mark a sender's messages to the caller read (seed 001)","tags":["Messages"],"description":"Friendship not required. Answers how many messages became read (0 allowed).\n\nToken: `Authorization: Bearer <jwt>`; the token is also read from the `jwt` query parameter (`?jwt=<jwt>`) when there is no usable `Authorization` header (AuthMiddleware does this for every route).","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatMarkReadRequest"}}}},"responses":{"200":{"description":"`{\"message\": \"已标记 N 条消息为已读\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChatNotice"}}}},"400":{"description":"`sender_id` missing or not a positive integer: \"发送者ID是必需的\".","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"401":{"description":"Missing token, wrong scheme, expired or revoked token (Flask-JWT-Extended's `{\"msg\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"404":{"description":"The caller has no user row (guest token, or the account is gone): `{\"error\": \"用户不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"Body larger than the limit (`MAX_BODY_SIZE`, default 1 MiB): refused by the body-limit middleware (declared `Content-Length`) or while reading the body.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthServerError"}}}},"422":{"description":"Malformed token (empty `Bearer`, not three segments, bad signature, …) — `{\"msg\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/AuthJWTError"}}}},"503":{"description":"Database unavailable: while checking the token's session (the family's token-error envelope) or while handling the request (the server's generic error body).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","required":true,"schema":{"type":"integer","minimum":1}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/AuthJWTError"},{"$ref":"#/components/schemas/AuthServerError"}]}}}}}}},"/api/chat/send":{"post":{"operationId":"PlatformChatSend","summary":"Send a direct or group message (seed 003)","description":"Stores the message once and delivers it live to every connection of every participant (friends only for direct messages, members for groups; the public channel, group 1, is joined on the first send). The token decides the sender. The body is read as JSON whatever its `Content-Type`. Errors are `{\"message\"}`. The token is read from `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003's Flask-JWT-Extended setting).","tags":["Chat"],"security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformSendRequest"}}}},"responses":{"200":{"description":"The stored message (a retried `client_msg_id` returns the first one).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformMessageREST"}}}},"400":{"description":"`Message not sent!`: no destination, unknown `type`, a bad `file_url`, empty or too long content; `不能给自己发消息` (to oneself); `Content is empty` / `Content is too long` for a group.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"401":{"description":"No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose session was revoked (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"403":{"description":"A guest (`访客不能发送消息，请先登录`), a `sender_id` that is not the caller (`发送者与登录用户不符`), not a friend (`只能给好友发消息`), not a member of the group (`You are not in this conversation`), a file of someone else (`只能发送自己上传的文件`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"404":{"description":"Unknown group (`群组不存在`) or receiver (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"415":{"description":"The body is empty, not JSON or not a JSON object (`请求必须是JSON格式`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"422":{"description":"A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other PyJWT texts.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/PlatformTokenError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/chat/receive/{user_id}":{"get":{"operationId":"PlatformChatReceive","summary":"Direct messages the caller received (seed 003)","description":"The newest 50 direct messages others sent the caller, oldest first. `user_id` must be the caller's own id. Errors are `{\"error\"}`. The token is read from `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003's Flask-JWT-Extended setting).","tags":["Chat"],"security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"description":"The caller's own user id. A value that is not an integer, or is not positive, is answered 404.","schema":{"type":"integer","format":"int64","minimum":1}}],"responses":{"200":{"description":"The messages, oldest first.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformMessageList"}}}},"401":{"description":"No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose session was revoked (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"403":{"description":"A guest, or another user's id (`只能查看自己收到的消息`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"404":{"description":"`user_id` is not a positive integer (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other PyJWT texts.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/PlatformTokenError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/chat/history":{"post":{"operationId":"PlatformChatHistory","summary":"The latest messages of a group, the public channel or a friend (seed 003)","description":"The newest 50 messages, oldest first: of a group the caller is in, of the public channel (group 1, readable by guests too), or of the caller's direct conversation with `friendId`; `[]` when there is none or nothing is asked. The body is read as JSON whatever its `Content-Type`. Errors are `{\"error\"}`. The token is read from `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003's Flask-JWT-Extended setting).","tags":["Chat"],"security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformHistoryRequest"}}}},"responses":{"200":{"description":"The messages, oldest first.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformMessageList"}}}},"400":{"description":"The body is empty, not JSON or not a JSON object (`请求必须是JSON格式`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"401":{"description":"No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose session was revoked (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"403":{"description":"A group the caller is not in (`无权查看该群组的消息`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"404":{"description":"Unknown or invalid `groupId` (`群组不存在`); an invalid `friendId` (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other PyJWT texts.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/PlatformTokenError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/chat/messages/read/{chat_id}":{"post":{"operationId":"PlatformChatMarkRead","summary":"Mark a friend's or a group's messages read (seed 003)","description":"Marks read what user `chat_id` sent the caller, and the messages of group `chat_id` when the caller is in it; the other side hears a `read` event. Always `{\"success\": true}` for a signed-in user, even when nothing was unread. No body is read. Errors are `{\"error\"}`. The token is read from `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003's Flask-JWT-Extended setting).","tags":["Chat"],"security":[{"bearerAuth":[]}],"parameters":[{"name":"chat_id","in":"path","required":true,"description":"A user id or a group id. A value that is not an integer, or is not positive, is answered 404.","schema":{"type":"integer","format":"int64","minimum":1}}],"responses":{"200":{"description":"Done.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformSuccess"}}}},"401":{"description":"No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose session was revoked (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"404":{"description":"A guest token (`用户不存在`), or `chat_id` not a positive integer (`会话不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other PyJWT texts.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/PlatformTokenError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/chat/messages/unread/count":{"get":{"operationId":"PlatformChatUnreadCount","summary":"Unread direct messages per sender (seed 003)","description":"Group messages never count. Errors are `{\"error\"}`. The token is read from `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003's Flask-JWT-Extended setting).","tags":["Chat"],"security":[{"bearerAuth":[]}],"responses":{"200":{"description":"`{\"<sender_id>\": <count>}`; `{}` when nothing is unread.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformUnreadCounts"}}}},"401":{"description":"No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose session was revoked (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"404":{"description":"A guest token (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other PyJWT texts.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/PlatformTokenError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/user/status":{"get":{"operationId":"PlatformUserStatus","summary":"The caller's presence (seed 003)","description":"`online` while the caller has an open WebSocket. The token is read from `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003's Flask-JWT-Extended setting).","tags":["Users"],"security":[{"bearerAuth":[]}],"responses":{"200":{"description":"The presence.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformUserStatus"}}}},"401":{"description":"No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose session was revoked (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"404":{"description":"A guest token, or the user no longer exists (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other PyJWT texts.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/PlatformTokenError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/user/friends":{"get":{"operationId":"PlatformUserFriends","summary":"The caller's friends (seed 003)","description":"Each friend once; `[]` for a guest. The token is read from `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003's Flask-JWT-Extended setting).","tags":["Users"],"security":[{"bearerAuth":[]}],"responses":{"200":{"description":"Entries with `type: friend`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformContactList"}}}},"401":{"description":"No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose session was revoked (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other PyJWT texts.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/PlatformTokenError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/user/groups":{"get":{"operationId":"PlatformUserGroups","summary":"The caller's groups (seed 003)","description":"The groups the caller is a member of, newest first (the public channel included); `[]` for a guest. The token is read from `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003's Flask-JWT-Extended setting).","tags":["Users"],"security":[{"bearerAuth":[]}],"responses":{"200":{"description":"Entries with `type: group`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformContactList"}}}},"401":{"description":"No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose session was revoked (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other PyJWT texts.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/PlatformTokenError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/user/update":{"put":{"operationId":"PlatformUserUpdate","summary":"Update the caller's own account","description":"Changes the username, e-mail and avatar, checked as at registration; nothing is written when one field is refused. Errors are `{\"message\"}`. The body is read as JSON whatever its `Content-Type`. The token is read from `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003's Flask-JWT-Extended setting).","tags":["Users"],"security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformAccountUpdateRequest"}}}},"responses":{"200":{"description":"The account as it is now.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformAccountUpdated"}}}},"400":{"description":"The body is not a JSON object (`请求必须是JSON对象`); a field of the wrong type (`<field> 必须是字符串`); username empty or over 50 characters, or taken (`用户名已存在`); e-mail empty or over 120 characters, or taken (`邮箱已经存在`); avatar over 255 characters.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"401":{"description":"No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose session was revoked (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"403":{"description":"A guest token (`访客不能修改账户，请先登录`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"404":{"description":"The account no longer exists (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other PyJWT texts.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/PlatformTokenError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/user/delete":{"delete":{"operationId":"PlatformUserDelete","summary":"Delete the caller's own account","description":"After checking the password: removes the account's friendships, pending friend requests, blocks, group memberships, contacts, quick replies, profile and avatar files, anonymises the account and ends every session (its tokens stop working at once). Messages it sent stay, under its deleted name. Errors are `{\"message\"}`. The body is read as JSON whatever its `Content-Type`. The token is read from `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003's Flask-JWT-Extended setting).","tags":["Users"],"security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformAccountDeleteRequest"}}}},"responses":{"200":{"description":"The account is deleted.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformAccountDeleted"}}}},"400":{"description":"The body is not a JSON object (`请求必须是JSON对象`), a field of the wrong type (`<field> 必须是字符串`), or no / an empty password (`请输入密码以确认注销`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"401":{"description":"No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose session was revoked (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"403":{"description":"A guest token (`访客没有账户可注销`), or a wrong password (`密码错误，账户未注销`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"404":{"description":"The account no longer exists (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other PyJWT texts.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/PlatformTokenError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/user/{user_id}":{"get":{"operationId":"PlatformUserGet","summary":"A user's name (seed 003, public)","description":"No token needed. The fixed words `status`, `friends`, `groups`, `update` and `delete` are the routes above, not user ids.","tags":["Users"],"parameters":[{"name":"user_id","in":"path","required":true,"description":"The user's integer id. A value that is not an integer, or is not positive, is answered 404.","schema":{"type":"integer","format":"int64","minimum":1}}],"responses":{"200":{"description":"The user's name.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformUsername"}}}},"404":{"description":"Unknown user, or not a positive integer (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`), generic server envelope.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/group/create":{"post":{"operationId":"PlatformGroupCreate","summary":"Create a group (seed 003)","description":"The token is optional (seed 003 had none): when a valid, non-guest token is sent (header or `?jwt=`) it must be `owner_id`'s; a missing, guest or invalid token is not refused and the group is created for `owner_id`. The body is read as JSON whatever its `Content-Type`. Errors are `{\"error\"}`.","tags":["Groups"],"security":[{},{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupCreateRequest"}}}},"responses":{"201":{"description":"Created (`群组创建成功`); the owner is the group's owner member.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupMembership"}}}},"400":{"description":"`name` or `owner_id` missing, empty or invalid (`缺少必要参数`); name over 100 characters; `type` not `public`/`private`; description over 1000 or avatar over 255 characters.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"403":{"description":"A valid non-guest token of another user than `owner_id` (`只能以自己的身份创建群组`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"404":{"description":"`owner_id` names no user (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"415":{"description":"The body is empty, not JSON or not a JSON object (`请求必须是JSON格式`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`), generic server envelope.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/group/join":{"post":{"operationId":"PlatformGroupJoin","summary":"Join a public group (seed 003)","description":"Adds the caller to a public group as a member (201); joining again answers 200. A private group's members are added by its owner or admins (`POST /api/groups/{id}/members`). The new membership reaches the caller's open sockets at once. Errors are `{\"error\"}`. The token is read from `Authorization: Bearer <jwt>` or, when that header is absent or not a Bearer header, from the `jwt` query parameter (`?jwt=<token>`, seed 003's Flask-JWT-Extended setting).","tags":["Groups"],"security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupJoinRequest"}}},"description":"A body that is not a JSON object reads as one without `group_id`."},"responses":{"200":{"description":"Already a member (`已经是群组成员`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupMembership"}}}},"201":{"description":"Joined (`加入群组成功`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupMembership"}}}},"400":{"description":"No valid `group_id` (`缺少必要参数`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"401":{"description":"No token (`Missing JWT in headers or query_string (Missing Authorization Header; Missing 'jwt' query paramater)`), an Authorization header of another scheme, an expired token (`Token has expired`) or a token whose session was revoked (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"403":{"description":"A guest token (`访客不能加入群组，请先登录`), or a private group (`该群组是私有群组，需要群主或管理员邀请`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"404":{"description":"Unknown group (`群组不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server: `Bad Authorization header. ...` (empty Bearer), `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, and the other PyJWT texts.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformTokenError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/PlatformTokenError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/group/{group_id}":{"get":{"operationId":"PlatformGroupGet","summary":"A group's details (seed 003, public)","description":"No token needed.","tags":["Groups"],"parameters":[{"name":"group_id","in":"path","required":true,"description":"The group's id (1 is the public channel). A value that is not an integer, or is not positive, is answered 404.","schema":{"type":"integer","format":"int64","minimum":1}}],"responses":{"200":{"description":"The group.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupInfo"}}}},"404":{"description":"Unknown group, or not a positive integer (`群组不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`), generic server envelope.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/groups":{"post":{"operationId":"PlatformGroupsCreate","summary":"Create a group","description":"The caller becomes the owner; `member_ids` are added as members, and every member hears `group_updated`. The body is read as JSON whatever its `Content-Type`. Errors are `{\"msg\", \"error\", \"detail\"}` with the same text. The token may also be given as `?jwt=` (read for every route).","tags":["Groups"],"security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupsCreateRequest"}}}},"responses":{"201":{"description":"The new group.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroup"}}}},"400":{"description":"Not a JSON object (`A JSON body is required`), `name is required`, `name must be a string`, `name must not be empty`, `member_ids must be a list of user ids`, `At most 1000 members at once`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"401":{"description":"No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"403":{"description":"`Guests cannot use groups`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"404":{"description":"A member id names no user (`User <id> not found`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`, ...), under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/UnionError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}},"get":{"operationId":"PlatformGroupsList","summary":"The caller's groups","description":"Newest first, the public channel included. Errors are `{\"msg\", \"error\", \"detail\"}` with the same text. The token may also be given as `?jwt=` (read for every route).","tags":["Groups"],"security":[{"bearerAuth":[]}],"responses":{"200":{"description":"The groups.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupList"}}}},"401":{"description":"No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"403":{"description":"`Guests cannot use groups`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`, ...), under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/UnionError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/groups/{id}":{"get":{"operationId":"PlatformGroupsGet","summary":"A group the caller is in","description":"Errors are `{\"msg\", \"error\", \"detail\"}` with the same text. The token may also be given as `?jwt=` (read for every route).","tags":["Groups"],"security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)","schema":{"type":"integer","format":"int64","minimum":1}}],"responses":{"200":{"description":"The group.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroup"}}}},"401":{"description":"No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"403":{"description":"`Guests cannot use groups`, or not a member (`You are not a member of this group`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"404":{"description":"Unknown group or invalid id (`Group not found`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`, ...), under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/UnionError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}},"put":{"operationId":"PlatformGroupsRename","summary":"Rename a group (owner or admin)","description":"Members hear `group_updated`. The body is read as JSON whatever its `Content-Type`. Errors are `{\"msg\", \"error\", \"detail\"}` with the same text. The token may also be given as `?jwt=` (read for every route).","tags":["Groups"],"security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)","schema":{"type":"integer","format":"int64","minimum":1}}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupsRenameRequest"}}}},"responses":{"200":{"description":"The renamed group.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroup"}}}},"400":{"description":"`name is required` (also for a body that is not a JSON object), `name must be a string`, `name must not be empty`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"401":{"description":"No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"403":{"description":"`Guests cannot use groups`, not a member (`You are not a member of this group`), or a plain member (`Only the owner or an admin may do this`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"404":{"description":"Unknown group or invalid id (`Group not found`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`, ...), under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/UnionError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/groups/{id}/members":{"post":{"operationId":"PlatformGroupsAddMembers","summary":"Add members (owner or admin)","description":"Existing members keep their role; only the owner adds admins. Members hear `group_updated`. The body is read as JSON whatever its `Content-Type`. Errors are `{\"msg\", \"error\", \"detail\"}` with the same text. The token may also be given as `?jwt=` (read for every route).","tags":["Groups"],"security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)","schema":{"type":"integer","format":"int64","minimum":1}}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupsAddMembersRequest"}}}},"responses":{"200":{"description":"The group with its members.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroup"}}}},"400":{"description":"Not a JSON object (`A JSON body is required`), `user_ids is required`, `user_ids must be a list of user ids` (also for ids ≤ 0), `role must be member or admin`, `At most 1000 members at once`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"401":{"description":"No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"403":{"description":"`Guests cannot use groups`, not a member, a plain member, or an admin adding admins (`Only the owner or an admin may do this`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"404":{"description":"Unknown group or invalid id (`Group not found`); a user id names no user (`User <id> not found`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`, ...), under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/UnionError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/groups/{id}/members/{user_id}":{"delete":{"operationId":"PlatformGroupsRemoveMember","summary":"Remove a member (owner or admin)","description":"The owner removes anyone but stays while others remain; an admin removes plain members only. The members and the removed user hear `group_updated`. A `user_id` that is not an integer is answered 404 before the token is checked. Errors are `{\"msg\", \"error\", \"detail\"}` with the same text. The token may also be given as `?jwt=` (read for every route).","tags":["Groups"],"security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)","schema":{"type":"integer","format":"int64","minimum":1}},{"name":"user_id","in":"path","required":true,"description":"The member to remove. Any integer is read (one that is not a member is answered 403); a value that is not an integer is answered 404 (`User not found`).","schema":{"type":"integer","format":"int64"}}],"responses":{"200":{"description":"The group without the member.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroup"}}}},"401":{"description":"No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"403":{"description":"`Guests cannot use groups`; the caller or `user_id` is not a member (`You are not a member of this group`); not allowed (`Only the owner or an admin may do this`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"404":{"description":"Unknown group or invalid id (`Group not found`); `user_id` not an integer (`User not found`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"409":{"description":"Removing the owner while others remain (`The owner stays while the group has other members`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`, ...), under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/UnionError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/groups/{id}/leave":{"post":{"operationId":"PlatformGroupsLeave","summary":"Leave a group","description":"No body is read. The members and the caller hear `group_updated`. Errors are `{\"msg\", \"error\", \"detail\"}` with the same text. The token may also be given as `?jwt=` (read for every route).","tags":["Groups"],"security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)","schema":{"type":"integer","format":"int64","minimum":1}}],"responses":{"200":{"description":"The group without the caller.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroup"}}}},"401":{"description":"No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"403":{"description":"`Guests cannot use groups`, or not a member (`You are not a member of this group`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"404":{"description":"Unknown group or invalid id (`Group not found`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"409":{"description":"The owner while others remain (`The owner stays while the group has other members`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`, ...), under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/UnionError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/groups/{id}/messages":{"get":{"operationId":"PlatformGroupsMessages","summary":"A group's messages","description":"The newest `limit` messages (before `before_seq` / after `after_seq` when given), oldest first. Errors are `{\"msg\", \"error\", \"detail\"}` with the same text. The token may also be given as `?jwt=` (read for every route).","tags":["Groups"],"security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)","schema":{"type":"integer","format":"int64","minimum":1}},{"name":"limit","in":"query","required":false,"description":"How many; clamped to 1–200. A value that is not an integer reads as 50.","schema":{"type":"integer","default":50,"minimum":1,"maximum":200}},{"name":"before_seq","in":"query","required":false,"description":"Only messages with a smaller sequence number. A value that is not an integer is ignored.","schema":{"type":"integer","format":"int64"}},{"name":"after_seq","in":"query","required":false,"description":"Only messages with a larger sequence number. A value that is not an integer is ignored.","schema":{"type":"integer","format":"int64"}}],"responses":{"200":{"description":"The messages, oldest first.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupMessages"}}}},"401":{"description":"No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"403":{"description":"`Guests cannot use groups`, or not a member (`You are not a member of this group`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"404":{"description":"Unknown group or invalid id (`Group not found`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`, ...), under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/UnionError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}},"post":{"operationId":"PlatformGroupsSend","summary":"Send a message to a group","description":"Stored once and delivered live to every member (a retried `client_msg_id` returns the stored message without delivering it again). The body is read as JSON whatever its `Content-Type`. Errors are `{\"msg\", \"error\", \"detail\"}` with the same text. The token may also be given as `?jwt=` (read for every route).","tags":["Groups"],"security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"The group's id. A value that is not an integer, or is not positive, is answered 404. (`Group not found`)","schema":{"type":"integer","format":"int64","minimum":1}}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupsSendRequest"}}}},"responses":{"201":{"description":"The stored message.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformGroupMessage"}}}},"400":{"description":"`content is required` (also for a body that is not a JSON object), `content must be a string`, `client_msg_id must be a string`, `Content is empty`, `Content is too long`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"401":{"description":"No token (`Missing Authorization Header`), another scheme, an expired or revoked token; the same text under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"403":{"description":"`Guests cannot use groups`, or not a member (`You are not a member of this group`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"404":{"description":"Unknown group or invalid id (`Group not found`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"413":{"description":"The declared `Content-Length` is over the body limit (`MAX_BODY_SIZE`, 1 MiB by default), or the body read grows past it (`请求体过大`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformServerError"}}}},"422":{"description":"A token that is not a valid JWT of this server (`Not enough segments`, `Signature verification failed`, ...), under `msg`, `error` and `detail`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UnionError"}}}},"503":{"description":"The database is unavailable (`数据库暂时不可用，请稍后重试`): while checking the token, in the token envelope of this family; while handling the request, in the server's generic envelope.","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/UnionError"},{"$ref":"#/components/schemas/PlatformServerError"}]}}},"headers":{"Retry-After":{"description":"Seconds to wait before retrying (always 5).","schema":{"type":"integer"}}}}}}},"/api/profile/profile":{"get":{"operationId":"MediaGetOwnProfile","summary":"The caller's profile, e-mail included","tags":["Profile"],"security":[{"bearerAuth":[]}],"description":"Seed 003 (contracts/seed003 §5). The token may also come as `?jwt=`. Guests have no profile (403).","parameters":[{"name":"jwt","in":"query","required":false,"description":"The token, for clients that cannot set a header (read by the global auth middleware when there is no `Authorization` header, or one without the `Bearer` scheme).","schema":{"type":"string"}}],"responses":{"200":{"description":"The profile.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaOwnProfile"}}}},"401":{"description":"Missing token (`Missing JWT in headers or query_string (…)`), a header without the Bearer scheme, an expired token (`Token has expired`) or a revoked session (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaJWTError"}}}},"422":{"description":"A token that cannot be read: `Bearer` with nothing after it, `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, …","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaJWTError"}}}},"403":{"description":"A guest token (`访客没有个人资料，请先登录`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"404":{"description":"The token's account no longer exists or is deleted (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"503":{"description":"The database is unavailable (while checking the token, or in the handler).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/MediaJWTError"},{"$ref":"#/components/schemas/MediaErrorEnvelope"}]}}}}}},"put":{"operationId":"MediaUpdateOwnProfile","summary":"Edit the caller's biography, location and phone","tags":["Profile"],"security":[{"bearerAuth":[]}],"description":"Absent keys keep their values, `null` clears one, strings are trimmed. A value that is not a string or is too long (bio 2000, location 100, phone 20 characters) → 400 and nothing is changed. The body is read as JSON whatever its Content-Type. The token may also come as `?jwt=`. The token is checked before the body.","parameters":[{"name":"jwt","in":"query","required":false,"description":"The token, for clients that cannot set a header (read by the global auth middleware when there is no `Authorization` header, or one without the `Bearer` scheme).","schema":{"type":"string"}}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaProfileChanges"}}}},"responses":{"200":{"description":"Updated.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaProfileUpdated"}}}},"400":{"description":"Body not a JSON object (`请求必须是JSON对象`), a field not a string (`个人简介必须是字符串`, `所在地必须是字符串`, `电话必须是字符串`) or too long (`所在地不能超过100个字符`, …).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"401":{"description":"Missing token (`Missing JWT in headers or query_string (…)`), a header without the Bearer scheme, an expired token (`Token has expired`) or a revoked session (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaJWTError"}}}},"422":{"description":"A token that cannot be read: `Bearer` with nothing after it, `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, …","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaJWTError"}}}},"403":{"description":"A guest token (`访客没有个人资料，请先登录`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"404":{"description":"The token's account no longer exists or is deleted (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"413":{"description":"A declared Content-Length over `MAX_BODY_SIZE` (default 1 MiB), refused before the token is checked. (A chunked body that grows past the limit gets 413 with an empty body.)","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaErrorEnvelope"}}}},"503":{"description":"The database is unavailable (while checking the token, or in the handler).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/MediaJWTError"},{"$ref":"#/components/schemas/MediaErrorEnvelope"}]}}}}}}},"/api/profile/profile/{user_id}":{"get":{"operationId":"MediaGetPublicProfile","summary":"Anyone's public profile (no e-mail)","tags":["Profile"],"description":"Public: no token needed (one sent is ignored).","parameters":[{"name":"user_id","in":"path","required":true,"description":"The account's integer id. Anything that is not a positive integer (`abc`, `0`, `-1`) answers 404 `{\"message\": \"用户不存在\"}`, as does an unknown or deleted account.","schema":{"type":"integer","format":"int64"}}],"responses":{"200":{"description":"The public profile.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaPublicProfile"}}}},"404":{"description":"No such account (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"503":{"description":"The database is unavailable.","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaErrorEnvelope"}}}}}}},"/api/profile/avatar":{"post":{"operationId":"MediaUploadAvatar","summary":"Upload the caller's avatar","tags":["Profile"],"security":[{"bearerAuth":[]}],"description":"Multipart field `avatar`: a PNG, JPEG, GIF or WebP image, recognised by its first bytes (its declared type and file name do not matter), of at most `MAX_AVATAR_SIZE` bytes (default 5 MiB). It is stored as `avatar_<id>.<ext>` and the account's avatar becomes its URL (`<BASE_URL>/api/file/avatar/avatar_<id>.<ext>`). A well-formed multipart body without an `avatar` part answers 200 and changes nothing (seed 003). The token may also come as `?jwt=`.","parameters":[{"name":"jwt","in":"query","required":false,"description":"The token, for clients that cannot set a header (read by the global auth middleware when there is no `Authorization` header, or one without the `Bearer` scheme).","schema":{"type":"string"}}],"requestBody":{"required":true,"content":{"multipart/form-data":{"schema":{"type":"object","properties":{"avatar":{"type":"string","format":"binary","description":"The image (PNG, JPEG, GIF or WebP by its magic bytes)."}}},"encoding":{"avatar":{"contentType":"image/png, image/jpeg, image/gif, image/webp"}}}}},"responses":{"200":{"description":"Stored (`头像上传成功`, with `avatar`), or no `avatar` part (`没有选择头像文件，头像未更改`, without `avatar`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaAvatarUploaded"}}}},"400":{"description":"Not `multipart/form-data` with a boundary (`头像必须以 multipart/form-data 的 avatar 字段上传`), broken multipart framing (`头像上传失败: 请求体不完整`), or not an image (`头像必须是 PNG、JPEG、GIF 或 WebP 图片`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"401":{"description":"Missing token (`Missing JWT in headers or query_string (…)`), a header without the Bearer scheme, an expired token (`Token has expired`) or a revoked session (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaJWTError"}}}},"422":{"description":"A token that cannot be read: `Bearer` with nothing after it, `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, …","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaJWTError"}}}},"403":{"description":"A guest token (`访客没有个人资料，请先登录`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"404":{"description":"The token's account no longer exists or is deleted (`用户不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/PlatformError"}}}},"413":{"description":"The `avatar` part passed `MAX_AVATAR_SIZE` while streaming (`{\"message\": \"头像文件不能超过<n>字节\"}`), or a declared Content-Length over `MAX_AVATAR_SIZE` + 64 KiB, refused before the token is checked (the generic envelope).","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/PlatformError"},{"$ref":"#/components/schemas/MediaErrorEnvelope"}]}}}},"503":{"description":"The database is unavailable (while checking the token, or in the handler).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/MediaJWTError"},{"$ref":"#/components/schemas/MediaErrorEnvelope"}]}}}}}}},"/api/file/avatar/{path}":{"get":{"operationId":"MediaGetAvatar","summary":"An avatar image","tags":["Files"],"description":"Public. Served from the avatar folder with its real type (by its first bytes), `Cache-Control: no-cache`, `X-Content-Type-Options: nosniff`. A user's avatar is also found under another image extension (`avatar_5.jpg` serves `avatar_5.png`). Seed 004's default avatars (`admin.png`, `buyer1.png`, …) are served here too.","parameters":[{"name":"path","in":"path","required":true,"description":"The rest of the path (Hummingbird `**`): one plain file name — ASCII letters, digits, `.`, `_`, `-`, at most 128 characters, no leading dot. Anything else (several segments, separators, `..`) answers 404.","schema":{"type":"string","minLength":1}}],"responses":{"200":{"description":"The image.","headers":{"Cache-Control":{"schema":{"type":"string","const":"no-cache"}}},"content":{"image/png":{"schema":{"type":"string","format":"binary"}},"image/jpeg":{"schema":{"type":"string","format":"binary"}},"image/gif":{"schema":{"type":"string","format":"binary"}},"image/webp":{"schema":{"type":"string","format":"binary"}}}},"404":{"description":"No such avatar, a name that is not plain, or a file that is not an image (`{\"error\": \"Avatar not found\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}}}}},"/api/file/uploads/{path}":{"get":{"operationId":"MediaDownloadUpload","summary":"Download a file sent over the socket (or uploaded)","tags":["Files"],"description":"Files under `MEDIA_DIR/uploads`. Chat files sent in chunks over the WebSocket (contracts/seed003 §7.3) are served only with the signed `file_url` their message carried to the conversation's participants (`/uploads/chat/<file_id>?expires=<epoch>&signature=<hex>`, downloaded as `/api/file` + it; valid seven to eight days; histories sign afresh), or to the token (`Authorization: Bearer` or `?jwt=`) of their sender, an admin, or a member of a conversation where a message carries the file (the attachment the server linked to the message when it was the sender's own); otherwise 403. A recorded chat file answers with its sniffed type, `nosniff`, its SHA-256 as `ETag` (`If-None-Match` → 304) and one `Range` (206, 416). Files of `/api/upload/*` (`YYYY/MM/DD/<name>`) are public, as under `/api/media/`. A finished resumable upload sent as a file message (`files/<upload id>/<name>`) follows the chat files' rule with its owner in place of the sender. Resumable uploads' own folder (`tus/…`) and unfinished transfers (`partial/…`) are never served here (404).","parameters":[{"name":"path","in":"path","required":true,"description":"The rest of the path (Hummingbird `**`), one or more segments under `uploads/`, each percent-decoded; a segment that is empty, `.`, `..`, starts with a dot or decodes to something holding `/` answers 404.","schema":{"type":"string","minLength":1}},{"name":"expires","in":"query","required":false,"description":"The signed URL's expiry (epoch seconds).","schema":{"type":"string"}},{"name":"signature","in":"query","required":false,"description":"The signed URL's HMAC-SHA256, hex.","schema":{"type":"string"}},{"name":"jwt","in":"query","required":false,"description":"The token, for clients that cannot set a header.","schema":{"type":"string"}},{"name":"Range","in":"header","required":false,"schema":{"type":"string"}}],"responses":{"200":{"description":"The file's bytes.","headers":{"Content-Disposition":{"description":"`attachment; filename*=UTF-8''<name>` (with an ASCII `filename` too for recorded chat files)","schema":{"type":"string"}}},"content":{"application/octet-stream":{"schema":{"type":"string","format":"binary"}},"*/*":{"schema":{"type":"string","format":"binary"}}}},"206":{"description":"The range asked for (recorded chat files).","content":{"*/*":{"schema":{"type":"string","format":"binary"}}}},"304":{"description":"The `If-None-Match` ETag is current."},"403":{"description":"A chat file without a valid signature, and without the token of its sender, an admin, or a member of a conversation where a message carries it.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"404":{"description":"No such file, a directory, or a refused path (`{\"error\": \"File not found\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"416":{"description":"The range makes no sense or starts past the end.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}}}}},"/api/upload/image":{"post":{"operationId":"MediaUploadImage","summary":"Upload an image (seed 004)","tags":["Files"],"security":[{"bearerAuth":[]}],"description":"Multipart field `file` (the first part of that name; other parts are skipped), streamed to disk and refused as soon as it passes `MAX_FILE_SIZE` (default 10 MiB). Allowed: image/jpeg, image/png, image/gif, image/webp. The part's declared Content-Type must be one of them, its file name's extension must fit it (jpg/jpeg, png, gif, webp) and its first bytes must match it (magic bytes; valid UTF-8 without NUL for text). Stored as `MEDIA_DIR/uploads/YYYY/MM/DD/<32 random hex digits>.<ext>` (local date) and served at `/api/media/uploads/…`. The token is checked before the body; it may also come as `?jwt=`.","parameters":[{"name":"jwt","in":"query","required":false,"description":"The token, for clients that cannot set a header (read by the global auth middleware when there is no `Authorization` header, or one without the `Bearer` scheme).","schema":{"type":"string"}}],"requestBody":{"required":true,"content":{"multipart/form-data":{"schema":{"type":"object","required":["file"],"properties":{"file":{"type":"string","format":"binary","description":"The file, with a file name and a Content-Type."}}},"encoding":{"file":{"contentType":"image/jpeg, image/png, image/gif, image/webp"}}}}},"responses":{"200":{"description":"Stored.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaUploadResult"}}}},"400":{"description":"`{\"detail\": \"Invalid file type\"}` (declared type, extension or first bytes not allowed) or `{\"detail\": \"File too large\"}` (the part passed `MAX_FILE_SIZE`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"401":{"description":"Missing or refused token (`缺少认证信息`, `无效的认证格式`, `无效的认证方式`, `Token 数据不完整`, `Token 无效或已过期`).","headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"A declared Content-Length over `MAX_FILE_SIZE` + 64 KiB, refused before anything is read (before the token is checked); or, with `USER_STORAGE_QUOTA`, the user's stored files would exceed it (`{\"detail\": \"Storage quota exceeded: …\"}`).","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/MediaErrorEnvelope"},{"$ref":"#/components/schemas/FastAPIError"}]}}}},"422":{"description":"No `file` part with a file name: the body is not `multipart/form-data` with a boundary, is malformed, or has no such part (`errors: [\"file: Field required\"]`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaValidationError"}}}},"503":{"description":"The database is unavailable while checking the token.","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}}}}},"/api/upload/file":{"post":{"operationId":"MediaUploadFile","summary":"Upload an image or a document (seed 004)","tags":["Files"],"security":[{"bearerAuth":[]}],"description":"Multipart field `file` (the first part of that name; other parts are skipped), streamed to disk and refused as soon as it passes `MAX_FILE_SIZE` (default 10 MiB). Allowed: image/jpeg, image/png, image/gif, image/webp, application/pdf, application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.ms-excel, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/plain. The part's declared Content-Type must be one of them, its file name's extension must fit it (jpg/jpeg, png, gif, webp, pdf, doc, docx, xls, xlsx, txt/text/log/csv/md) and its first bytes must match it (magic bytes; valid UTF-8 without NUL for text). Stored as `MEDIA_DIR/uploads/YYYY/MM/DD/<32 random hex digits>.<ext>` (local date) and served at `/api/media/uploads/…`. The token is checked before the body; it may also come as `?jwt=`.","parameters":[{"name":"jwt","in":"query","required":false,"description":"The token, for clients that cannot set a header (read by the global auth middleware when there is no `Authorization` header, or one without the `Bearer` scheme).","schema":{"type":"string"}}],"requestBody":{"required":true,"content":{"multipart/form-data":{"schema":{"type":"object","required":["file"],"properties":{"file":{"type":"string","format":"binary","description":"The file, with a file name and a Content-Type."}}},"encoding":{"file":{"contentType":"image/jpeg, image/png, image/gif, image/webp, application/pdf, application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.ms-excel, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/plain"}}}}},"responses":{"200":{"description":"Stored.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaUploadResult"}}}},"400":{"description":"`{\"detail\": \"Invalid file type\"}` (declared type, extension or first bytes not allowed) or `{\"detail\": \"File too large\"}` (the part passed `MAX_FILE_SIZE`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"401":{"description":"Missing or refused token (`缺少认证信息`, `无效的认证格式`, `无效的认证方式`, `Token 数据不完整`, `Token 无效或已过期`).","headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"A declared Content-Length over `MAX_FILE_SIZE` + 64 KiB, refused before anything is read (before the token is checked); or, with `USER_STORAGE_QUOTA`, the user's stored files would exceed it (`{\"detail\": \"Storage quota exceeded: …\"}`).","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/MediaErrorEnvelope"},{"$ref":"#/components/schemas/FastAPIError"}]}}}},"422":{"description":"No `file` part with a file name: the body is not `multipart/form-data` with a boundary, is malformed, or has no such part (`errors: [\"file: Field required\"]`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaValidationError"}}}},"503":{"description":"The database is unavailable while checking the token.","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}}}}},"/api/files/":{"options":{"operationId":"TusOptions","summary":"What the resumable upload server supports (tus 1.0)","tags":["Files"],"description":"No token needed. `Tus-Version: 1.0.0`, `Tus-Extension: creation,termination,checksum,expiration`, `Tus-Max-Size` (`MAX_UPLOAD_SIZE`) and `Tus-Checksum-Algorithm: sha1,sha256,md5`.","responses":{"204":{"description":"The capabilities, in headers.","headers":{"Tus-Version":{"schema":{"type":"string"}},"Tus-Extension":{"schema":{"type":"string"}},"Tus-Max-Size":{"schema":{"type":"integer"}},"Tus-Checksum-Algorithm":{"schema":{"type":"string"}}}}}},"post":{"operationId":"TusCreate","summary":"Create a resumable upload (tus 1.0 creation)","tags":["Files"],"security":[{"bearerAuth":[]}],"description":"Needs `Tus-Resumable: 1.0.0` (else 412 with `Tus-Version`) and `Upload-Length` (decimal bytes, at most `MAX_UPLOAD_SIZE`, default 1 GiB; `Upload-Defer-Length` is not supported). `Upload-Metadata` is comma-separated `key base64value` pairs; `filename` (no path separators or control characters, at most 255 bytes) names the download, `filetype` is kept. With `USER_STORAGE_QUOTA` set, the user's attachments plus unfinished uploads plus this length must fit (413). No body (creation-with-upload is not offered). Answers 201 with `Location: /api/files/<32 hex digits>`; the upload belongs to the caller and expires `UPLOAD_EXPIRY_HOURS` after its last piece. Every answer carries `Tus-Resumable: 1.0.0`.","parameters":[{"$ref":"#/components/parameters/TusResumable"},{"name":"Upload-Length","in":"header","required":true,"schema":{"type":"string","pattern":"^[0-9]{1,18}$"}},{"name":"Upload-Metadata","in":"header","required":false,"schema":{"type":"string"}},{"name":"jwt","in":"query","required":false,"description":"The token, for clients that cannot set a header.","schema":{"type":"string"}}],"responses":{"201":{"description":"Created.","headers":{"Location":{"description":"`/api/files/<id>` (after `BASE_URL` when set).","schema":{"type":"string"}},"Upload-Expires":{"schema":{"type":"string"}},"Upload-Offset":{"schema":{"type":"integer"}}}},"400":{"description":"`Upload-Length` missing or not a non-negative whole number, `Upload-Defer-Length` sent, a body sent, or `Upload-Metadata` malformed (not `key base64` pairs, a key twice, a file name with a path separator or a control character).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"401":{"description":"Missing or refused token.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"412":{"description":"`Tus-Resumable` missing or not `1.0.0`; `Tus-Version` names the version served.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"413":{"description":"`Upload-Length` over `MAX_UPLOAD_SIZE` (with `Tus-Max-Size`), or the storage quota exceeded.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"503":{"description":"The database is unavailable.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}}}}},"/api/files/{id}":{"parameters":[{"name":"id","in":"path","required":true,"description":"The upload's id, 32 lower-case hex digits.","schema":{"type":"string"}}],"options":{"operationId":"TusOptionsUpload","summary":"What the resumable upload server supports (tus 1.0), at an upload's URL","tags":["Files"],"responses":{"204":{"description":"The capabilities, in headers (as for `/api/files/`)."}}},"head":{"operationId":"TusOffset","summary":"Where a resumable upload stands","tags":["Files"],"security":[{"bearerAuth":[]}],"description":"`Upload-Offset` (bytes stored), `Upload-Length`, `Upload-Metadata` as given, `Upload-Expires` while unfinished, `Cache-Control: no-store`. Another user's upload is 404, as is an unknown id.","parameters":[{"$ref":"#/components/parameters/TusResumable"},{"name":"jwt","in":"query","required":false,"schema":{"type":"string"}}],"responses":{"200":{"description":"The state, in headers; no body.","headers":{"Upload-Offset":{"schema":{"type":"integer"}},"Upload-Length":{"schema":{"type":"integer"}}}},"401":{"description":"Missing or refused token."},"404":{"description":"No such upload of the caller."},"412":{"description":"`Tus-Resumable` missing or not `1.0.0`."},"503":{"description":"The database is unavailable."}}},"patch":{"operationId":"TusPatch","summary":"Append a piece to a resumable upload","tags":["Files"],"security":[{"bearerAuth":[]}],"description":"`Content-Type: application/offset+octet-stream` (else 415) and `Upload-Offset` equal to the upload's offset (else 409 with the current `Upload-Offset`; nothing written). The body streams to disk at the offset; the offset moves only after the bytes are synced, so an acknowledged piece is never lost and a refused one is never visible. Optional `Upload-Checksum: <sha1|sha256|md5> <base64>` over the piece: a mismatch answers 460 and discards the piece. A piece longer than what is left of `Upload-Length` answers 413 and is discarded. Another PATCH of the same upload in progress (from any server process) answers 409. A client that goes away mid-piece keeps what arrived (unless it sent a checksum). The last piece makes the upload an attachment (type sniffed from its first bytes, SHA-256).","parameters":[{"$ref":"#/components/parameters/TusResumable"},{"name":"Upload-Offset","in":"header","required":true,"schema":{"type":"string","pattern":"^[0-9]{1,18}$"}},{"name":"Upload-Checksum","in":"header","required":false,"schema":{"type":"string"}},{"name":"jwt","in":"query","required":false,"schema":{"type":"string"}}],"requestBody":{"required":true,"content":{"application/offset+octet-stream":{"schema":{"type":"string","format":"binary"}}}},"responses":{"204":{"description":"Stored; `Upload-Offset` is the new offset (and `Upload-Expires` while unfinished).","headers":{"Upload-Offset":{"schema":{"type":"integer"}}}},"400":{"description":"`Upload-Offset` missing or malformed, or `Upload-Checksum` malformed or of an unsupported algorithm.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"401":{"description":"Missing or refused token.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"404":{"description":"No such upload of the caller.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"409":{"description":"The offset differs from the upload's, another PATCH holds it, or it is complete.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"412":{"description":"`Tus-Resumable` missing or not `1.0.0`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"413":{"description":"The piece goes past `Upload-Length`, or the body is larger than `MAX_UPLOAD_SIZE`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"415":{"description":"The Content-Type is not `application/offset+octet-stream`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"460":{"description":"Checksum Mismatch; the piece was discarded.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"503":{"description":"The database is unavailable.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}}}},"delete":{"operationId":"TusTerminate","summary":"Remove a resumable upload (tus termination)","tags":["Files"],"security":[{"bearerAuth":[]}],"description":"The upload, its bytes and (when finished) its attachment are removed.","parameters":[{"$ref":"#/components/parameters/TusResumable"},{"name":"jwt","in":"query","required":false,"schema":{"type":"string"}}],"responses":{"204":{"description":"Removed."},"401":{"description":"Missing or refused token.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"404":{"description":"No such upload of the caller.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"412":{"description":"`Tus-Resumable` missing or not `1.0.0`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"503":{"description":"The database is unavailable.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}}}},"get":{"operationId":"TusDownload","summary":"Download a finished resumable upload (its owner)","tags":["Files"],"security":[{"bearerAuth":[]}],"description":"The bytes with the sniffed `Content-Type`, `X-Content-Type-Options: nosniff`, the SHA-256 as a strong `ETag` (`If-None-Match` → 304), `Content-Disposition: attachment` with the original name (`filename*`, RFC 6266) and `Accept-Ranges: bytes`. One `Range: bytes=first-last|first-|-suffix` → 206 with `Content-Range`; a range that makes no sense or starts past the end → 416 with `Content-Range: bytes */<size>`; several ranges or another unit → the whole file. No `Tus-Resumable` needed.","parameters":[{"name":"Range","in":"header","required":false,"schema":{"type":"string"}},{"name":"If-None-Match","in":"header","required":false,"schema":{"type":"string"}},{"name":"jwt","in":"query","required":false,"schema":{"type":"string"}}],"responses":{"200":{"description":"The whole file.","content":{"application/octet-stream":{"schema":{"type":"string","format":"binary"}}}},"206":{"description":"The range asked for.","content":{"application/octet-stream":{"schema":{"type":"string","format":"binary"}}}},"304":{"description":"The `If-None-Match` ETag is current."},"401":{"description":"Missing or refused token.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"404":{"description":"No such upload of the caller.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"409":{"description":"The upload is not complete (`Upload-Offset` says how far it is).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"416":{"description":"The range makes no sense or starts past the end.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}},"503":{"description":"The database is unavailable.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FileError"}}}}}}},"/api/ai/suggest/stream":{"post":{"operationId":"AISuggestStream","summary":"Stream a suggested next reply (server-sent events)","tags":["AI"],"security":[{"bearerAuth":[]}],"description":"Seed 003 §6. Checks, in order: token (401/422), guest (403), Content-Type (415 when present and not JSON), body (400 `No JSON data provided` when empty, `{}` or not an object; `Invalid JSON body`), `model` (400 `Invalid model`), `current_user_id` (400 when missing or falsy; 403 `只能为自己请求回复建议` when it is not the caller), the transcript (`messages` or `conversation`), then the per-user quota (`AI_REQUESTS_PER_MINUTE`, 429). The token may also come as `?jwt=`.","parameters":[{"name":"jwt","in":"query","required":false,"description":"The token, for clients that cannot set a header (read by the global auth middleware when there is no `Authorization` header, or one without the `Bearer` scheme).","schema":{"type":"string"}}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/AISuggestRequest"}}}},"responses":{"200":{"description":"The suggestion's events.","headers":{"X-Suggestion-Id":{"description":"The suggestion's id (a lower-case UUID), for `GET /api/ai/suggestions/{id}/stream`.","schema":{"type":"string"}},"Cache-Control":{"schema":{"type":"string","const":"no-cache"}}},"content":{"text/event-stream":{"schema":{"type":"string","description":"Events `id: <n>\\ndata: {\"content\": \"<fragment>\"}\\n\\n` (fragments to concatenate) or `id: <n>\\ndata: {\"error\": \"<text>\"}\\n\\n` (`Failed to get AI response` when the provider failed before the first fragment or none is configured; `The suggestion was abandoned`; other texts mid-stream), and `: keep-alive` comment lines after 15 s of silence. No `[DONE]`: the stream ends."}}}},"400":{"description":"`No JSON data provided`, `Invalid JSON body`, `Invalid model`, `current_user_id is required`, `messages is required`, `messages must be a list`, `messages has no message with a sender_id and content`, `Send messages or conversation, not both`, `conversation must name friend_id or group_id`, `The conversation has no messages yet`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"401":{"description":"Missing token (`Missing JWT in headers or query_string (…)`), a header without the Bearer scheme, an expired token (`Token has expired`) or a revoked session (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaJWTError"}}}},"422":{"description":"A token that cannot be read: `Bearer` with nothing after it, `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, …","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaJWTError"}}}},"403":{"description":"A guest (`访客不能使用AI回复建议，请先登录`), `current_user_id` of someone else (`只能为自己请求回复建议`), or a named group the caller is not in (`无权查看该群组的消息`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"404":{"description":"`conversation` names an unknown group (`群组不存在`) or a friend with no conversation (`会话不存在`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"413":{"description":"A declared Content-Length over `MAX_BODY_SIZE` (default 1 MiB), refused before the token is checked. (A chunked body that grows past the limit gets 413 with an empty body.)","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaErrorEnvelope"}}}},"415":{"description":"A Content-Type that does not contain `json` (`Content-Type must be application/json`). No Content-Type is accepted.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"429":{"description":"Too many suggestions started in the last minute (`AI 请求过于频繁，请 <n> 秒后再试`).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"503":{"description":"The database is unavailable (while checking the token, or in the handler).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/MediaJWTError"},{"$ref":"#/components/schemas/MediaErrorEnvelope"}]}}}}}}},"/api/ai/suggestions/{id}/stream":{"get":{"operationId":"AIResumeSuggestionStream","summary":"Resume a suggestion's events after a dropped connection","tags":["AI"],"security":[{"bearerAuth":[]}],"description":"The events after `Last-Event-ID` (header, else `?last_event_id=`, else 0), then the rest live. Only the user who started the suggestion; suggestions are kept by the process that started them, for 5 minutes after they end. The token may also come as `?jwt=`.","parameters":[{"name":"id","in":"path","required":true,"description":"The suggestion id from `X-Suggestion-Id` (a lower-case UUID); any other text is 404.","schema":{"type":"string"}},{"name":"Last-Event-ID","in":"header","required":false,"description":"The last event id received; takes precedence over `last_event_id`. Not a whole number ≥ 0 → 400.","schema":{"type":"integer","minimum":0}},{"name":"last_event_id","in":"query","required":false,"description":"The last event id received, when the header cannot be set. Not a whole number ≥ 0 → 400.","schema":{"type":"integer","minimum":0,"default":0}},{"name":"jwt","in":"query","required":false,"description":"The token, for clients that cannot set a header (read by the global auth middleware when there is no `Authorization` header, or one without the `Bearer` scheme).","schema":{"type":"string"}}],"responses":{"200":{"description":"The events after the one named, then the rest live.","headers":{"X-Suggestion-Id":{"description":"The suggestion's id (a lower-case UUID), for `GET /api/ai/suggestions/{id}/stream`.","schema":{"type":"string"}},"Cache-Control":{"schema":{"type":"string","const":"no-cache"}}},"content":{"text/event-stream":{"schema":{"type":"string","description":"Events `id: <n>\\ndata: {\"content\": \"<fragment>\"}\\n\\n` (fragments to concatenate) or `id: <n>\\ndata: {\"error\": \"<text>\"}\\n\\n` (`Failed to get AI response` when the provider failed before the first fragment or none is configured; `The suggestion was abandoned`; other texts mid-stream), and `: keep-alive` comment lines after 15 s of silence. No `[DONE]`: the stream ends."}}}},"400":{"description":"`Last-Event-ID must be a whole number`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"401":{"description":"Missing token (`Missing JWT in headers or query_string (…)`), a header without the Bearer scheme, an expired token (`Token has expired`) or a revoked session (`Token has been revoked`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaJWTError"}}}},"422":{"description":"A token that cannot be read: `Bearer` with nothing after it, `Not enough segments`, `Signature verification failed`, `Invalid header string`, `Missing claim: sub`, …","content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaJWTError"}}}},"403":{"description":"A guest (`访客不能使用AI回复建议，请先登录`) or another user's suggestion (`只能继续自己的回复建议`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"404":{"description":"Unknown or expired suggestion (`Suggestion not found`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlaskError"}}}},"503":{"description":"The database is unavailable (while checking the token, or in the handler).","headers":{"Retry-After":{"description":"Seconds to wait before retrying.","schema":{"type":"integer"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/MediaJWTError"}}}}}}},"/api/ws":{"get":{"operationId":"MediaWebSocket","summary":"The WebSocket (seed 003 events and seed 004 frames)","tags":["Realtime"],"security":[{"bearerAuth":[]},{}],"description":"contracts/README §1.5. Only a WebSocket upgrade (`Connection: Upgrade`, `Upgrade: websocket`, `Sec-WebSocket-Version: 13`, `Sec-WebSocket-Key`) on a connection's first request opens the socket (101). The token is the `Authorization: Bearer` header or `?jwt=`, else `?token=`; it is checked after the handshake: a missing one closes with 1008 `Missing token`, a bad or expired one 1008 `Invalid token`, a token whose user no longer exists 1008 `User not found`. Seed-004 users (with an external id) get flat frames, everyone else `{\"type\", \"data\"}` envelopes. A plain GET without an upgrade is answered 200 with an empty body, token or not.","parameters":[{"name":"token","in":"query","required":false,"description":"The JWT, when no `Authorization: Bearer` header (or `?jwt=`) carried a valid one. Only looked at on an upgrade.","schema":{"type":"string"}},{"name":"resume","in":"query","required":false,"description":"`<conversation>:<seq>,…` (e.g. `12:40,15:3`): replays what was missed in those conversations while connecting. Malformed pairs are ignored; more than 1000 conversations ignores all.","schema":{"type":"string"}},{"name":"jwt","in":"query","required":false,"description":"The token, for clients that cannot set a header (read by the global auth middleware when there is no `Authorization` header, or one without the `Bearer` scheme).","schema":{"type":"string"}}],"responses":{"101":{"description":"Switching Protocols: the WebSocket is open (authentication follows; refusals are close frames with code 1008).","headers":{"Upgrade":{"schema":{"type":"string","const":"websocket"}},"Sec-WebSocket-Accept":{"schema":{"type":"string"}}}},"200":{"description":"A plain HTTP GET (no upgrade headers): empty body, no Content-Type, whatever the token."},"307":{"description":"An upgrade asked on a connection that already served a request: redirect to the same URL with `Connection: close`, so the client retries on a new connection. Empty body.","headers":{"Location":{"schema":{"type":"string"}}}},"400":{"description":"An upgrade the router declined (e.g. a declared body over `MAX_BODY_SIZE`): empty body, `Connection: close`."}}}},"/api/ws/{user_id}":{"get":{"operationId":"MediaWebSocketForUser","summary":"The WebSocket (seed 003 events and seed 004 frames) for a named user","tags":["Realtime"],"security":[{"bearerAuth":[]},{}],"description":"contracts/README §1.5. Only a WebSocket upgrade (`Connection: Upgrade`, `Upgrade: websocket`, `Sec-WebSocket-Version: 13`, `Sec-WebSocket-Key`) on a connection's first request opens the socket (101). The token is the `Authorization: Bearer` header or `?jwt=`, else `?token=`; it is checked after the handshake: a missing one closes with 1008 `Missing token`, a bad or expired one 1008 `Invalid token`, a mismatch with `{user_id}` 1008 `Token does not match user`, an unknown user 1008 `User not found`. Seed-004 users (with an external id) get flat frames, everyone else `{\"type\", \"data\"}` envelopes. A plain GET without an upgrade is answered 200 with an empty body, token or not.","parameters":[{"name":"user_id","in":"path","required":true,"description":"Who connects: a seed-004 external id (`b1`), else the integer id in decimal (an all-digit id matching no external id is the integer id); `0` for a guest token. Checked after the handshake: an unknown user closes with 1008 `User not found`, another user's token with 1008 `Token does not match user`.","schema":{"type":"string"}},{"name":"token","in":"query","required":false,"description":"The JWT, when no `Authorization: Bearer` header (or `?jwt=`) carried a valid one. Only looked at on an upgrade.","schema":{"type":"string"}},{"name":"resume","in":"query","required":false,"description":"`<conversation>:<seq>,…` (e.g. `12:40,15:3`): replays what was missed in those conversations while connecting. Malformed pairs are ignored; more than 1000 conversations ignores all.","schema":{"type":"string"}},{"name":"jwt","in":"query","required":false,"description":"The token, for clients that cannot set a header (read by the global auth middleware when there is no `Authorization` header, or one without the `Bearer` scheme).","schema":{"type":"string"}}],"responses":{"101":{"description":"Switching Protocols: the WebSocket is open (authentication follows; refusals are close frames with code 1008).","headers":{"Upgrade":{"schema":{"type":"string","const":"websocket"}},"Sec-WebSocket-Accept":{"schema":{"type":"string"}}}},"200":{"description":"A plain HTTP GET (no upgrade headers): empty body, no Content-Type, whatever the token."},"307":{"description":"An upgrade asked on a connection that already served a request: redirect to the same URL with `Connection: close`, so the client retries on a new connection. Empty body.","headers":{"Location":{"schema":{"type":"string"}}}},"400":{"description":"An upgrade the router declined (e.g. a declared body over `MAX_BODY_SIZE`): empty body, `Connection: close`."}}}},"/api/users":{"get":{"operationId":"SupportListUsers","summary":"List users","tags":["Support users"],"description":"Every account (inactive and deleted included), ordered by internal id, a page at a time. Any signed-in user may list.\n`role` filters by role; an unknown role matches nobody (200 with `count` 0).\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"role","in":"query","required":false,"description":"Exact role (`user`, `buyer`, `merchant`, `agent`, `admin`, `auditor`, `guest`); any other value gives an empty page.","schema":{"type":"string"}},{"name":"page","in":"query","required":false,"description":"Page number, 1 or more (an empty value means the default). Not an integer or below 1 → 422.","schema":{"type":"integer","minimum":1,"default":1}},{"name":"page_size","in":"query","required":false,"description":"Page size, 1 or more (default 20; values above 1000 are treated as 1000; an empty value means the default). Not an integer or below 1 → 422.","schema":{"type":"integer","minimum":1,"default":20}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportUserPage"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"422":{"description":"`page` or `page_size` not an integer or below 1.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}},"post":{"operationId":"SupportCreateUser","summary":"Create a user (admin)","tags":["Support users"],"description":"Admin only (checked before the body is read). Creates an account with the given external `id`; it is made a member of\nthe public channel.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportUserCreate"}}}},"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportUser"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller is not an admin: `{\"detail\": \"需要管理员权限\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"409":{"description":"The id or the username is taken.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportIntegrityError"}}}},"413":{"description":"The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail` = `请求体过大`, plus `error`, `message`, `code`, `request_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: [\"Field required\"]`), a missing or mistyped field, a value outside its set or range. `id` must have 1–50 characters, `username` 1–100.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/users/ensure":{"post":{"operationId":"SupportEnsureUsers","summary":"Create users that do not exist yet (admin)","tags":["Support users"],"description":"Admin only. For each entry, in order: an existing user with that id is returned unchanged; otherwise it is created\n(status `active`, no password; a missing or empty `username` becomes the role's word followed by the current epoch\nmilliseconds, made unique; a missing or empty `avatar` becomes one of the role's default avatars). All in one\ntransaction. The answer has one user per entry, in order (`[]` for an empty list).\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportEnsureRequest"}}}},"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/SupportUser"}}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller is not an admin: `{\"detail\": \"需要管理员权限\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"409":{"description":"A username clashes; nothing is created.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportIntegrityError"}}}},"413":{"description":"The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail` = `请求体过大`, plus `error`, `message`, `code`, `request_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: [\"Field required\"]`), a missing or mistyped field, a value outside its set or range. Each `users[i].id` must have 1–50 characters.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/users/{user_id}":{"get":{"operationId":"SupportGetUser","summary":"Get a user","tags":["Support users"],"description":"Any signed-in user may read any user.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"description":"A seed-004 user id: the external id, or an all-digit internal integer id.","schema":{"type":"string"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportUser"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"404":{"description":"No such user: `{\"detail\": \"User not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}},"put":{"operationId":"SupportUpdateUser","summary":"Change a user (admin)","tags":["Support users"],"description":"Admin only. Writes only the keys present; `avatar` and `description` may be set to null. The user is looked up\n(404) before the body is read.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"description":"A seed-004 user id: the external id, or an all-digit internal integer id.","schema":{"type":"string"}}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportUserUpdate"}}}},"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportUser"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller is not an admin: `{\"detail\": \"需要管理员权限\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such user: `{\"detail\": \"User not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"409":{"description":"The username is taken by another account.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportIntegrityError"}}}},"413":{"description":"The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail` = `请求体过大`, plus `error`, `message`, `code`, `request_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: [\"Field required\"]`), a missing or mistyped field, a value outside its set or range. `username` must have 1–100 characters (null is refused).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}},"delete":{"operationId":"SupportDeleteUser","summary":"Delete a user (admin, soft)","tags":["Support users"],"description":"Admin only. Sets the account status to `deleted`; the user is still listed.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"description":"A seed-004 user id: the external id, or an all-digit internal integer id.","schema":{"type":"string"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportStatusMessage"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller is not an admin: `{\"detail\": \"需要管理员权限\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such user: `{\"detail\": \"User not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/users/{user_id}/status":{"patch":{"operationId":"SupportSetUserStatus","summary":"Activate or deactivate a user (admin)","tags":["Support users"],"description":"Admin only. The new account status is the `status` query parameter. The user is looked up (404) first, then\n`status` is checked: missing → 422, anything but `active`/`inactive` (empty included) → 400.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"description":"A seed-004 user id: the external id, or an all-digit internal integer id.","schema":{"type":"string"}},{"name":"status","in":"query","required":true,"description":"`active` or `inactive`; any other value gets 400.","schema":{"type":"string"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportUser"}}}},"400":{"description":"`{\"detail\": \"Invalid status. Must be 'active' or 'inactive'\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller is not an admin: `{\"detail\": \"需要管理员权限\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such user: `{\"detail\": \"User not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"`status: Field required`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/conversations":{"get":{"operationId":"SupportListConversations","summary":"List conversations","tags":["Support conversations"],"description":"Newest activity first (`updated_at` descending, then id descending). Admins see every conversation; anyone else\nsees those they take part in, are assigned, or (for an agent) those of their merchant. `customer_id`,\n`merchant_id` and `assignee_id` naming no user give an empty page (200, `count` 0).\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"status","in":"query","required":false,"description":"Only conversations in this state (empty = any).","schema":{"type":"string","enum":["open","pending","resolved","snoozed"]}},{"name":"assignee_id","in":"query","required":false,"description":"Only those assigned to this user; `none` for unassigned ones (empty = any).","schema":{"type":"string"}},{"name":"customer_id","in":"query","required":false,"description":"Only this customer's (empty = any).","schema":{"type":"string"}},{"name":"merchant_id","in":"query","required":false,"description":"Only this merchant's (empty = any).","schema":{"type":"string"}},{"name":"page","in":"query","required":false,"description":"Page number, 1 or more (an empty value means the default). Not an integer or below 1 → 422.","schema":{"type":"integer","minimum":1,"default":1}},{"name":"page_size","in":"query","required":false,"description":"Page size, 1 or more (default 20; values above 1000 are treated as 1000; an empty value means the default). Not an integer or below 1 → 422.","schema":{"type":"integer","minimum":1,"default":20}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportConversationPage"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"422":{"description":"`page`/`page_size` not an integer or below 1, or `status` not one of its values.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}},"post":{"operationId":"SupportOpenConversation","summary":"Open (get or create) a conversation","tags":["Support conversations"],"description":"Returns the conversation of exactly this (customer, merchant) pair, creating it if needed. A non-admin must be\none of the two (403 otherwise, checked before the 404s). A new or waiting unassigned conversation is offered to an\nonline agent of the merchant with room, so `assignee_id` may be set in the answer.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportConversationCreate"}}}},"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportConversation"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"A non-admin names neither itself as customer nor as merchant: `{\"detail\": \"不能以其他用户身份操作\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"`{\"detail\": \"Customer with id '<id>' not found\"}` or `{\"detail\": \"Merchant with id '<id>' not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail` = `请求体过大`, plus `error`, `message`, `code`, `request_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: [\"Field required\"]`), a missing or mistyped field, a value outside its set or range.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/conversations/{id}":{"get":{"operationId":"SupportGetConversation","summary":"Get a conversation","tags":["Support conversations"],"description":"A conversation the caller may see.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportConversation"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller may not see this conversation (not an admin, a participant, its assignee or an agent of its merchant): `{\"detail\": \"无权访问该会话\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such conversation: `{\"detail\": \"Conversation not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"`id` is not an integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/conversations/{id}/detail":{"get":{"operationId":"SupportGetConversationDetail","summary":"Get a conversation with its message count","tags":["Support conversations"],"description":"The conversation plus `message_count` (all its messages) and `messages: null`.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportConversationDetail"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller may not see this conversation (not an admin, a participant, its assignee or an agent of its merchant): `{\"detail\": \"无权访问该会话\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such conversation: `{\"detail\": \"Conversation not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"`id` is not an integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/conversations/{id}/messages":{"get":{"operationId":"SupportListConversationMessages","summary":"List a conversation's messages","tags":["Support conversations"],"description":"Newest first unless `order=asc`. The conversation is checked (404/403) before the paging parameters (422).\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}},{"name":"order","in":"query","required":false,"description":"`asc` for oldest first; any other value (or none) means newest first.","schema":{"type":"string","default":"desc"}},{"name":"page","in":"query","required":false,"description":"Page number, 1 or more (an empty value means the default). Not an integer or below 1 → 422.","schema":{"type":"integer","minimum":1,"default":1}},{"name":"page_size","in":"query","required":false,"description":"Page size, 1 or more (default 50; values above 1000 are treated as 1000; an empty value means the default). Not an integer or below 1 → 422.","schema":{"type":"integer","minimum":1,"default":50}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportMessagePage"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller may not see this conversation (not an admin, a participant, its assignee or an agent of its merchant): `{\"detail\": \"无权访问该会话\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such conversation: `{\"detail\": \"Conversation not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"`id` is not an integer, or `page`/`page_size` not an integer or below 1.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/conversations/{id}/messages/read-all":{"put":{"operationId":"SupportReadAllMessages","summary":"Mark a conversation read","tags":["Support conversations"],"description":"Moves the reader's read position to the newest message and clears its unread count; the other side is told over\nthe WebSocket (`read` frame). The reader is `reader_id`, or the caller when absent. A reader who is not a\nparticipant changes nothing (still 200); an admin naming an unknown user changes nothing.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}},{"name":"reader_id","in":"query","required":false,"description":"Who read (default: the caller). A non-admin may only name itself.","schema":{"type":"string"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportSuccess"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller may not see the conversation (`{\"detail\": \"无权访问该会话\"}`), or a non-admin names another (or an unknown) user as the reader (`{\"detail\": \"不能以其他用户身份操作\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such conversation: `{\"detail\": \"Conversation not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"`id` is not an integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/conversations/{id}/read":{"put":{"operationId":"SupportReadConversation","summary":"Clear a participant's unread count","tags":["Support conversations"],"description":"Same effect as `read-all` (one read state serves both), but `user_id` is required (checked before the conversation).\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}},{"name":"user_id","in":"query","required":true,"description":"Who read. A non-admin may only name itself.","schema":{"type":"string"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportSuccess"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller may not see the conversation (`{\"detail\": \"无权访问该会话\"}`), or a non-admin names another (or an unknown) user as the reader (`{\"detail\": \"不能以其他用户身份操作\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such conversation: `{\"detail\": \"Conversation not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"`user_id: Field required`, or `id` is not an integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/conversations/{id}/claim":{"post":{"operationId":"SupportClaimConversation","summary":"Claim an unassigned conversation","tags":["Support conversations"],"description":"An agent of the conversation's merchant takes it (capacity does not limit a claim; claiming one's own conversation\nagain is fine). No body is read.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportConversation"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller may not see the conversation (`无权访问该会话`) or is not an agent of its merchant (`{\"detail\": \"Not an agent of this merchant\"}`; admins are not agents).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such conversation: `{\"detail\": \"Conversation not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"409":{"description":"Someone else has it: `{\"detail\": \"Conversation is assigned to another agent\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"`id` is not an integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/conversations/{id}/transfer":{"post":{"operationId":"SupportTransferConversation","summary":"Hand a conversation to another agent, or back to the queue","tags":["Support conversations"],"description":"`assignee_id` names an online agent of the same merchant; `null` puts the conversation back in the queue (where the\nnext free agent gets it). The conversation is checked (404/403) before the body is read.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportTransferRequest"}}}},"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportConversation"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller may not see the conversation (`无权访问该会话`), or may see it but is not an admin, its merchant or its assignee (`{\"detail\": \"Only the assignee, the merchant or an admin may change this conversation\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such conversation: `{\"detail\": \"Conversation not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"409":{"description":"The agent is offline: `{\"detail\": \"Agent is offline\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail` = `请求体过大`, plus `error`, `message`, `code`, `request_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: [\"Field required\"]`), a missing or mistyped field, a value outside its set or range. Also `assignee_id: No user with id '<id>'` and `assignee_id: Not an agent of this merchant`; or `id` is not an integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/conversations/{id}/resolve":{"post":{"operationId":"SupportResolveConversation","summary":"Resolve a conversation","tags":["Support conversations"],"description":"Sets the status to `resolved` (its agent's load drops, so the next waiting conversation may be assigned). No body is read.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportConversation"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller may not see the conversation (`无权访问该会话`), or may see it but is not an admin, its merchant or its assignee (`{\"detail\": \"Only the assignee, the merchant or an admin may change this conversation\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such conversation: `{\"detail\": \"Conversation not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"`id` is not an integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/conversations/{id}/reopen":{"post":{"operationId":"SupportReopenConversation","summary":"Reopen a conversation","tags":["Support conversations"],"description":"Sets the status to `open` (an unassigned one is offered to an agent). No body is read.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportConversation"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller may not see the conversation (`无权访问该会话`), or may see it but is not an admin, its merchant or its assignee (`{\"detail\": \"Only the assignee, the merchant or an admin may change this conversation\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such conversation: `{\"detail\": \"Conversation not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"`id` is not an integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/conversations/{id}/snooze":{"post":{"operationId":"SupportSnoozeConversation","summary":"Snooze a conversation","tags":["Support conversations"],"description":"Sets the status to `snoozed` until `snoozed_until` (epoch seconds, in the future); the conversation reopens by\nitself then. The conversation is checked (404/403) before the body is read.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportSnoozeRequest"}}}},"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportConversation"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller may not see the conversation (`无权访问该会话`), or may see it but is not an admin, its merchant or its assignee (`{\"detail\": \"Only the assignee, the merchant or an admin may change this conversation\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such conversation: `{\"detail\": \"Conversation not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail` = `请求体过大`, plus `error`, `message`, `code`, `request_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"Validation failure (`{\"detail\": \"请求参数验证失败\", \"errors\", \"path\"}`: missing/non-object body, `snoozed_until` missing or not a number, `status` present but not one of its values, or a non-integer `id`), or a snooze time not in the future (`{\"detail\": \"snoozed_until must be in the future\"}`).","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/SupportValidationError"},{"$ref":"#/components/schemas/FastAPIError"}]}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/conversations/{id}/status":{"put":{"operationId":"SupportSetConversationStatus","summary":"Set a conversation's status","tags":["Support conversations"],"description":"`status` is required; `snoozed_until` (epoch seconds, in the future) is required when it is `snoozed` and ignored\notherwise. The conversation is checked (404/403) before the body is read.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`conversation_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportStatusRequest"}}}},"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportConversation"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller may not see the conversation (`无权访问该会话`), or may see it but is not an admin, its merchant or its assignee (`{\"detail\": \"Only the assignee, the merchant or an admin may change this conversation\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such conversation: `{\"detail\": \"Conversation not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail` = `请求体过大`, plus `error`, `message`, `code`, `request_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"Validation failure (`{\"detail\": \"请求参数验证失败\", \"errors\", \"path\"}`: missing/non-object body, `status` missing or not one of its values, `snoozed_until` not a number or missing for `snoozed`, or a non-integer `id`), or a snooze time not in the future (`{\"detail\": \"snoozed_until must be in the future\"}`).","content":{"application/json":{"schema":{"anyOf":[{"$ref":"#/components/schemas/SupportValidationError"},{"$ref":"#/components/schemas/FastAPIError"}]}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/messages":{"get":{"operationId":"SupportListMessages","summary":"List messages","tags":["Support messages"],"description":"Newest first (`created_at` descending, then id). Admins see every support message; anyone else only those of their\nown conversations. A `sender_id` naming no user gives an empty page.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"conversation_id","in":"query","required":false,"description":"Only this conversation's (empty = any).","schema":{"type":"integer","format":"int64"}},{"name":"sender_id","in":"query","required":false,"description":"Only this user's (empty = any).","schema":{"type":"string"}},{"name":"message_type","in":"query","required":false,"description":"Only this type (empty = any).","schema":{"type":"string","enum":["text","image","file"]}},{"name":"page","in":"query","required":false,"description":"Page number, 1 or more (an empty value means the default). Not an integer or below 1 → 422.","schema":{"type":"integer","minimum":1,"default":1}},{"name":"page_size","in":"query","required":false,"description":"Page size, 1 or more (default 50; values above 1000 are treated as 1000; an empty value means the default). Not an integer or below 1 → 422.","schema":{"type":"integer","minimum":1,"default":50}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportMessagePage"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"422":{"description":"`page`/`page_size` not an integer or below 1, `conversation_id` not an integer, or `message_type` not one of its values.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}},"post":{"operationId":"SupportSendMessage","summary":"Send a message","tags":["Support messages"],"description":"Stores the message, updates the conversation's preview, time and the other side's unread count, and delivers it\nlive over the WebSocket to both sides, the assignee and the admins watching. A non-admin may only send as itself.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportMessageCreate"}}}},"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportMessage"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"A non-admin sends as someone else (`{\"detail\": \"不能以其他用户身份操作\"}`), or the sender (unknown, for an admin) is not a participant of the conversation (`{\"detail\": \"无权访问该会话\"}`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"No such conversation: `{\"detail\": \"Conversation not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail` = `请求体过大`, plus `error`, `message`, `code`, `request_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: [\"Field required\"]`), a missing or mistyped field, a value outside its set or range. `content` longer than `MAX_MESSAGE_LENGTH` (default 10000) characters.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/messages/{id}/read":{"put":{"operationId":"SupportReadMessage","summary":"Mark one message read","tags":["Support messages"],"description":"Sets the message's read flag (unread counts are not touched). Non-admins only for messages of their own conversations.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`message_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportSuccess"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"Not a participant of the message's conversation: `{\"detail\": \"无权访问该会话\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"`{\"detail\": \"Message not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"`id` is not an integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/messages/{id}":{"delete":{"operationId":"SupportDeleteMessage","summary":"Delete a message (admin)","tags":["Support messages"],"description":"Admin only (checked before the id). Hard delete; the conversation's preview and counts are not recomputed.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`message_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportStatusMessage"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The caller is not an admin: `{\"detail\": \"需要管理员权限\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"`{\"detail\": \"Message not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"`id` is not an integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/quick-replies/user/{user_id}":{"get":{"operationId":"SupportListQuickReplies","summary":"List a user's quick replies","tags":["Support quick replies"],"description":"The user's active quick replies, by `sort_order` then id. A non-admin may only list its own (an unknown user is\nsomeone else: 403); for an admin an unknown user has none (`[]`).\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"description":"A seed-004 user id: the external id, or an all-digit internal integer id.","schema":{"type":"string"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/SupportQuickReply"}}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"A non-admin names another (or an unknown) user: `{\"detail\": \"不能以其他用户身份操作\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/quick-replies/merchant/{user_id}":{"get":{"operationId":"SupportListMerchantQuickReplies","summary":"List a user's quick replies (legacy alias)","tags":["Support quick replies"],"description":"The user's active quick replies, by `sort_order` then id. A non-admin may only list its own (an unknown user is\nsomeone else: 403); for an admin an unknown user has none (`[]`).\n\nSame as `/api/quick-replies/user/{user_id}`.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"description":"A seed-004 user id: the external id, or an all-digit internal integer id.","schema":{"type":"string"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/SupportQuickReply"}}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"A non-admin names another (or an unknown) user: `{\"detail\": \"不能以其他用户身份操作\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/quick-replies":{"post":{"operationId":"SupportCreateQuickReply","summary":"Create a quick reply","tags":["Support quick replies"],"description":"A non-admin may only create its own. At most 10 active replies per user.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportQuickReplyCreate"}}}},"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportQuickReply"}}}},"400":{"description":"The user already has 10 active replies: `{\"detail\": \"最多只能创建10条快捷消息\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"A non-admin names another (or an unknown) user: `{\"detail\": \"不能以其他用户身份操作\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"An admin names an unknown user: `{\"detail\": \"User not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail` = `请求体过大`, plus `error`, `message`, `code`, `request_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: [\"Field required\"]`), a missing or mistyped field, a value outside its set or range.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/quick-replies/{id}":{"put":{"operationId":"SupportUpdateQuickReply","summary":"Change a quick reply","tags":["Support quick replies"],"description":"Writes the given keys (inactive replies too). The reply and its owner are checked (404/403) before the body is read.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`reply_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportQuickReplyUpdate"}}}},"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportQuickReply"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The reply belongs to someone else: `{\"detail\": \"不能以其他用户身份操作\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"`{\"detail\": \"快捷消息不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail` = `请求体过大`, plus `error`, `message`, `code`, `request_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: [\"Field required\"]`), a missing or mistyped field, a value outside its set or range. Or `id` is not an integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}},"delete":{"operationId":"SupportDeleteQuickReply","summary":"Delete a quick reply (soft)","tags":["Support quick replies"],"description":"Marks the reply inactive; repeating it still answers 200.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"id","in":"path","required":true,"description":"Integer id. A value that is not an integer gets 422 (`reply_id: Input should be a valid integer, unable to parse string as an integer`).","schema":{"type":"integer","format":"int64"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportStatusMessage"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"The reply belongs to someone else: `{\"detail\": \"不能以其他用户身份操作\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"`{\"detail\": \"快捷消息不存在\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"`id` is not an integer.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/support/agents":{"get":{"operationId":"SupportListAgents","summary":"List agents and their load","tags":["Support desk"],"description":"An admin sees every team (or the one of `merchant_id`); a merchant or an agent sees its own team only. A\n`merchant_id` naming no user gives an empty page.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"merchant_id","in":"query","required":false,"description":"Only this merchant's agents (empty = any, for an admin).","schema":{"type":"string"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportAgentPage"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"A non-admin that is neither a merchant nor an agent, or one asking for another team: `{\"detail\": \"Not an agent of this merchant\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/support/agents/{user_id}":{"put":{"operationId":"SupportSaveAgent","summary":"Register, move or resize an agent","tags":["Support desk"],"description":"Makes the user (role `agent` or `merchant`) an agent of a merchant with a capacity (kept when absent; 5 for a new\nagent). An admin must give `merchant_id`; a merchant registering its own staff may leave it out. Waiting\nconversations may be assigned at once. Order: the path user (404), the body (422), the merchant (404, 422), the\ncaller's right (403).\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"description":"A seed-004 user id: the external id, or an all-digit internal integer id.","schema":{"type":"string"}}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportAgentSaveRequest"}}}},"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportAgent"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"Only an admin or the merchant itself manages its agents: `{\"detail\": \"Only an admin or the merchant itself manages its agents\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"`{\"detail\": \"User not found\"}` (path) or `{\"detail\": \"Merchant with id '<id>' not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail` = `请求体过大`, plus `error`, `message`, `code`, `request_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: [\"Field required\"]`), a missing or mistyped field, a value outside its set or range. Also `user_id: Only users of role 'agent' or 'merchant' can be agents`, `merchant_id: Field required` (admin), `merchant_id: Input should name a user of role 'merchant'`, `capacity: Input should be an integer from 0 to 1000`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}},"delete":{"operationId":"SupportRemoveAgent","summary":"Remove an agent","tags":["Support desk"],"description":"What the agent held goes back to its team's queue.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"description":"A seed-004 user id: the external id, or an all-digit internal integer id.","schema":{"type":"string"}}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportSuccess"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"Only an admin or the merchant itself manages its agents: `{\"detail\": \"Only an admin or the merchant itself manages its agents\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"`{\"detail\": \"User not found\"}` or `{\"detail\": \"Agent not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/support/agents/{user_id}/presence":{"put":{"operationId":"SupportSetAgentPresence","summary":"Go online or offline","tags":["Support desk"],"description":"`online: true` starts or renews a presence lease of `SUPPORT_PRESENCE_SECONDS` (and takes waiting conversations);\n`false` ends it. Only for oneself, or by an admin.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"parameters":[{"name":"user_id","in":"path","required":true,"description":"A seed-004 user id: the external id, or an all-digit internal integer id.","schema":{"type":"string"}}],"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportPresenceRequest"}}}},"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportAgent"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"Someone else's presence: `{\"detail\": \"不能以其他用户身份操作\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"404":{"description":"`{\"detail\": \"User not found\"}` or, for a user that is not an agent, `{\"detail\": \"Agent not found\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"413":{"description":"The request body is larger than `MAX_BODY_SIZE` (default 1 MiB): the server-wide error body (`detail` = `请求体过大`, plus `error`, `message`, `code`, `request_id`).","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"422":{"description":"Validation failure (pydantic-style): a missing, non-JSON or non-object body (`errors: [\"Field required\"]`), a missing or mistyped field, a value outside its set or range. `online` must be a boolean.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportValidationError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/support/queue":{"get":{"operationId":"SupportGetQueue","summary":"Waiting conversations per merchant","tags":["Support desk"],"description":"Per merchant with agents: how many conversations wait (and since when), how many agents are online, and each\nagent's load. Admins see every team; a merchant or an agent its own.\n\nRequires a bearer token (`Authorization: Bearer <jwt>`); when no usable `Authorization` header is sent, a non-empty `jwt` query parameter is taken as the token instead.","security":[{"bearerAuth":[]}],"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SupportQueue"}}}},"401":{"description":"Missing or refused token: `{\"detail\": \"缺少认证信息\" | \"无效的认证格式\" | \"无效的认证方式\" | \"Token 数据不完整\" | \"Token 无效或已过期\"}` with `WWW-Authenticate: Bearer`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"WWW-Authenticate":{"description":"Always `Bearer`.","schema":{"type":"string","const":"Bearer"}}}},"403":{"description":"Neither an admin, a merchant nor an agent: `{\"detail\": \"需要管理员权限\"}`.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}}},"503":{"description":"The database is unavailable (while checking the token or serving the request): `detail` = `数据库暂时不可用，请稍后重试` (the server-wide error body also carries `error`, `message`, `code`, `request_id`). Retry after `Retry-After` seconds.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/FastAPIError"}}},"headers":{"Retry-After":{"description":"Seconds to wait (5).","schema":{"type":"integer"}}}}}}},"/api/":{"get":{"operationId":"DocsRoot","summary":"Seed 004's API root","tags":["Documentation"],"security":[],"responses":{"200":{"description":"The service's name, version and where its docs are.","content":{"application/json":{"schema":{"type":"object","required":["message","version","docs"],"properties":{"message":{"type":"string","const":"在线客服系统 API"},"version":{"type":"string"},"docs":{"type":"string","const":"/api/docs"}}}}}}}}},"/api/openapi.json":{"get":{"operationId":"DocsOpenAPIJSON","summary":"This document, as JSON","tags":["Documentation"],"security":[],"responses":{"200":{"description":"The OpenAPI 3.1 document.","content":{"application/json":{"schema":{"type":"object"}}}}}}},"/api/openapi.yaml":{"get":{"operationId":"DocsOpenAPIYAML","summary":"This document, as YAML (the repository's openapi.yaml)","tags":["Documentation"],"security":[],"responses":{"200":{"description":"The OpenAPI 3.1 document.","content":{"application/yaml":{"schema":{"type":"object"}}}}}}},"/api/docs":{"get":{"operationId":"DocsSwaggerUI","summary":"Swagger UI on this document","tags":["Documentation"],"security":[],"responses":{"200":{"description":"An HTML page that loads Swagger UI from a CDN.","content":{"text/html":{"schema":{"type":"string"}}}}}}},"/api/redoc":{"get":{"operationId":"DocsReDoc","summary":"ReDoc on this document","tags":["Documentation"],"security":[],"responses":{"200":{"description":"An HTML page that loads ReDoc from a CDN.","content":{"text/html":{"schema":{"type":"string"}}}}}}}},"components":{"parameters":{"TusResumable":{"name":"Tus-Resumable","in":"header","required":true,"description":"The tus protocol version; only `1.0.0` is served (anything else → 412).","schema":{"type":"string","const":"1.0.0"}}},"securitySchemes":{"bearerAuth":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}},"schemas":{"FlaskError":{"type":"object","required":["error"],"properties":{"error":{"type":"string"}}},"PlatformError":{"type":"object","required":["message"],"properties":{"message":{"type":"string"}}},"FriendsError":{"type":"object","required":["error","message"],"properties":{"error":{"type":"string"},"message":{"type":"string"}}},"FastAPIError":{"type":"object","required":["detail"],"properties":{"detail":{"description":"A text, or FastAPI's list of validation issues for a 422.","oneOf":[{"type":"string"},{"type":"array","items":{"type":"object"}}]}}},"UnionError":{"type":"object","required":["msg","error","detail"],"properties":{"msg":{"type":"string"},"error":{"type":"string"},"detail":{"type":"string"}}},"ContactsEnvelope":{"type":"object","description":"Seed 000's envelope: every contacts answer, success or refusal. `code` mirrors the HTTP status.","required":["code","message","data"],"properties":{"code":{"type":"integer"},"message":{"type":"string"},"data":{"description":"The payload; `null` on every refusal."}}},"ContactsEnvelopeError":{"description":"A refusal in the contacts envelope: `data` is always null.","allOf":[{"$ref":"#/components/schemas/ContactsEnvelope"},{"type":"object","required":["code","message","data"],"properties":{"code":{"type":"integer","minimum":400,"maximum":599},"message":{"type":"string"},"data":{"type":"null"}}}]},"ContactsServerError":{"type":"object","description":"The server's own error body (ErrorMiddleware, ErrorBody.swift), used for errors no API family claims: a body over the size limit, the database going down inside a handler, an internal error. The same text under `error`, `message` and `detail`, the status as `code`, and the request id.","required":["error","message","detail","code","request_id"],"properties":{"error":{"type":"string"},"message":{"type":"string"},"detail":{"type":"string"},"code":{"type":"integer"},"request_id":{"type":"string"}}},"ContactsUnavailable":{"description":"503 with `Retry-After: 5`. When the session store cannot be reached while the token is checked, the contacts envelope `{\"code\": 503, \"message\": \"数据库暂时不可用，请稍后重试\", \"data\": null}`; when the database fails inside the handler, the server's generic error body.","anyOf":[{"$ref":"#/components/schemas/ContactsEnvelopeError"},{"$ref":"#/components/schemas/ContactsServerError"}]},"ContactsContact":{"type":"object","required":["id","name","phone","created_time","updated_time"],"properties":{"id":{"type":"integer","minimum":1},"name":{"type":"string"},"phone":{"type":"string","description":"The number as the user typed it (trimmed)."},"created_time":{"type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$","description":"`YYYY-MM-DD HH:MM:SS`"},"updated_time":{"type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$","description":"`YYYY-MM-DD HH:MM:SS`"}}},"ContactsTrashedContact":{"allOf":[{"$ref":"#/components/schemas/ContactsContact"},{"type":"object","required":["deleted_time"],"properties":{"deleted_time":{"type":["string","null"],"pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$","description":"When it was moved to the trash."}}}]},"ContactsFieldChange":{"type":"object","required":["field","old","new"],"properties":{"field":{"type":"string","enum":["name","phone"]},"old":{"type":["string","null"],"description":"null in the version that created the contact."},"new":{"type":"string"}}},"ContactsVersion":{"type":"object","required":["id","contact_id","name","phone","update_time","operator","changes"],"properties":{"id":{"type":"integer"},"contact_id":{"type":"integer"},"name":{"type":"string"},"phone":{"type":"string"},"update_time":{"type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$"},"operator":{"type":"string","description":"Username of the acting user (at most 50 characters)."},"changes":{"type":"array","items":{"$ref":"#/components/schemas/ContactsFieldChange"}}}},"ContactsImportRow":{"type":"object","required":["row","status","id","reason"],"properties":{"row":{"type":"integer","description":"1-based position of the record in the file."},"status":{"type":"string","enum":["created","updated","skipped","rejected"]},"id":{"type":["integer","null"]},"reason":{"type":["string","null"]}}},"ContactsImportReport":{"type":"object","required":["created","updated","skipped","rejected","rows"],"properties":{"created":{"type":"integer","minimum":0},"updated":{"type":"integer","minimum":0},"skipped":{"type":"integer","minimum":0},"rejected":{"type":"integer","minimum":0},"rows":{"type":"array","items":{"$ref":"#/components/schemas/ContactsImportRow"}}}},"ContactsEnvelopeContact":{"description":"200 with one contact.","allOf":[{"$ref":"#/components/schemas/ContactsEnvelope"},{"type":"object","required":["code","message","data"],"properties":{"code":{"const":200},"message":{"type":"string"},"data":{"$ref":"#/components/schemas/ContactsContact"}}}]},"ContactsEnvelopeContactList":{"description":"200 with a list of contacts, newest first. `next_cursor` is present only when `limit` or `cursor` was given (null on the last page).","allOf":[{"description":"list","allOf":[{"$ref":"#/components/schemas/ContactsEnvelope"},{"type":"object","required":["code","message","data"],"properties":{"code":{"const":200},"message":{"type":"string"},"data":{"type":"array","items":{"$ref":"#/components/schemas/ContactsContact"}}}}]},{"type":"object","properties":{"next_cursor":{"type":["string","null"]}}}]},"ContactsEnvelopeTrash":{"description":"200 with the trashed contacts, most recently deleted first.","allOf":[{"$ref":"#/components/schemas/ContactsEnvelope"},{"type":"object","required":["code","message","data"],"properties":{"code":{"const":200},"message":{"type":"string"},"data":{"type":"array","items":{"$ref":"#/components/schemas/ContactsTrashedContact"}}}}]},"ContactsEnvelopeVersions":{"description":"200 with the versions, oldest first.","allOf":[{"$ref":"#/components/schemas/ContactsEnvelope"},{"type":"object","required":["code","message","data"],"properties":{"code":{"const":200},"message":{"type":"string"},"data":{"type":"array","items":{"$ref":"#/components/schemas/ContactsVersion"}}}}]},"ContactsEnvelopeImport":{"description":"200 with the import report.","allOf":[{"$ref":"#/components/schemas/ContactsEnvelope"},{"type":"object","required":["code","message","data"],"properties":{"code":{"const":200},"message":{"type":"string"},"data":{"$ref":"#/components/schemas/ContactsImportReport"}}}]},"ContactsEnvelopeDeleted":{"description":"200, `data` null.","allOf":[{"$ref":"#/components/schemas/ContactsEnvelope"},{"type":"object","required":["code","message","data"],"properties":{"code":{"const":200},"message":{"type":"string"},"data":{"type":"null"}}}]},"ContactsFields":{"type":"object","description":"Read leniently: a value that is not a string counts as absent. Both are trimmed; the limits apply after trimming. The Content-Type is not checked: any body that parses as a JSON object is read.","required":["name","phone"],"properties":{"name":{"type":"string","minLength":1,"maxLength":100,"pattern":"\\S","example":"张三"},"phone":{"type":"string","minLength":1,"maxLength":20,"pattern":"^\\s*\\+?[0-9 ().\\u00a0-]*\\s*$","example":"138-0013-8000","description":"Digits with an optional leading `+`, spaces, dashes, dots and parentheses; 7 to 15 digits once read as an E.164 number (national numbers get the default region's calling code, `00` counts as `+`). Unique per owner by its E.164 form."}}},"AuditResult":{"type":"object","description":"Seed 002's `Result` envelope.","required":["code","message","data","timestamp"],"properties":{"code":{"type":"integer"},"message":{"type":"string"},"data":{},"timestamp":{"type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{6})?$","description":"Server local time, naive ISO 8601, microseconds unless zero."}}},"AuditLog":{"type":"object","description":"One audit row; every field is always present, nulls included.","required":["id","organization_id","user_id","user_name","action","resource_type","resource_id","resource_name","category","ip_address","user_agent","request_method","request_path","request_params","old_values","new_values","status","error_message","duration_ms","created_at"],"properties":{"id":{"type":"string"},"organization_id":{"type":"string"},"user_id":{"type":["string","null"]},"user_name":{"type":["string","null"]},"action":{"type":"string"},"resource_type":{"type":["string","null"]},"resource_id":{"type":["string","null"]},"resource_name":{"type":["string","null"]},"category":{"type":["string","null"]},"ip_address":{"type":["string","null"]},"user_agent":{"type":["string","null"]},"request_method":{"type":["string","null"]},"request_path":{"type":["string","null"]},"request_params":{"description":"Query parameters (GET) or the redacted body; any JSON value or null."},"old_values":{"description":"Any JSON value or null."},"new_values":{"description":"Any JSON value or null."},"status":{"type":"string","enum":["success","failed"]},"error_message":{"type":["string","null"]},"duration_ms":{"type":["integer","null"]},"created_at":{"type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$"}}},"AuditLogPage":{"type":"object","required":["records","total","size","page","pages"],"properties":{"records":{"type":"array","items":{"$ref":"#/components/schemas/AuditLog"}},"total":{"type":"integer","minimum":0},"size":{"type":"integer","minimum":1,"maximum":100},"page":{"type":"integer","minimum":1},"pages":{"type":"integer","minimum":0,"description":"ceil(total / size); 0 when total is 0."}}},"AuditVerification":{"type":"object","required":["intact","checked_records","first_seq","last_seq","head_seq","problem","bad_seq","bad_id"],"properties":{"intact":{"type":"boolean"},"checked_records":{"type":"integer","minimum":0},"first_seq":{"type":["integer","null"]},"last_seq":{"type":["integer","null"]},"head_seq":{"type":"integer"},"problem":{"type":["string","null"]},"bad_seq":{"type":["integer","null"]},"bad_id":{"type":["string","null"]}}},"AuditExportFile":{"type":"object","required":["content","mime_type","format"],"properties":{"content":{"type":"string","description":"JSON: a pretty-printed array of AuditLog objects (2-space indent, space date separator), `[]` when empty. CSV: a header row of the 20 field names and one row per record, CRLF line ends, empty cells for null, formula-like cells prefixed with `'`; an empty string when there are no rows."},"mime_type":{"type":"string","enum":["application/json","text/csv"]},"format":{"type":"string","enum":["json","csv"]}}},"AuditResultPage":{"description":"200 with a page of audit rows.","allOf":[{"$ref":"#/components/schemas/AuditResult"},{"type":"object","required":["code","message","data","timestamp"],"properties":{"code":{"const":200},"message":{"const":"操作成功"},"data":{"$ref":"#/components/schemas/AuditLogPage"}}}]},"AuditResultLog":{"description":"200 with one audit row.","allOf":[{"$ref":"#/components/schemas/AuditResult"},{"type":"object","required":["code","message","data","timestamp"],"properties":{"code":{"const":200},"message":{"const":"操作成功"},"data":{"$ref":"#/components/schemas/AuditLog"}}}]},"AuditResultVerification":{"description":"200 with the chain check.","allOf":[{"$ref":"#/components/schemas/AuditResult"},{"type":"object","required":["code","message","data","timestamp"],"properties":{"code":{"const":200},"message":{"const":"操作成功"},"data":{"$ref":"#/components/schemas/AuditVerification"}}}]},"AuditResultExport":{"description":"200 with the export file as text.","allOf":[{"$ref":"#/components/schemas/AuditResult"},{"type":"object","required":["code","message","data","timestamp"],"properties":{"code":{"const":200},"message":{"const":"操作成功"},"data":{"$ref":"#/components/schemas/AuditExportFile"}}}]},"AuditValidationIssue":{"type":"object","description":"A pydantic-2.5-style error item.","required":["type","loc","msg","input","url"],"properties":{"type":{"type":"string"},"loc":{"type":"array","items":{"type":["string","integer"]}},"msg":{"type":"string"},"input":{"description":"The offending value (any JSON value)."},"ctx":{"type":"object"},"url":{"type":"string"}}},"AuditValidationError":{"description":"400: every bad parameter in one answer.","allOf":[{"$ref":"#/components/schemas/AuditResult"},{"type":"object","required":["code","message","data","timestamp"],"properties":{"code":{"const":400},"message":{"const":"请求参数错误"},"data":{"type":"array","minItems":1,"items":{"$ref":"#/components/schemas/AuditValidationIssue"}}}}]},"AuditNotFound":{"description":"404 for an unknown audit log id.","allOf":[{"$ref":"#/components/schemas/AuditResult"},{"type":"object","required":["code","message","data","timestamp","detail"],"properties":{"code":{"const":404},"message":{"const":"审计日志不存在"},"data":{"type":"null"},"detail":{"const":"审计日志不存在"}}}]},"AuditServerError":{"description":"The server's generic error body (see ContactsServerError).","allOf":[{"$ref":"#/components/schemas/ContactsServerError"}]},"AuditExportRequest":{"type":"object","description":"Every field is an optional string (null and \"\" count as absent; any other non-string → 400 `string_type`). `organization_id` falls back to the `X-Organization-Id`/`Organization-Id` header.","properties":{"organization_id":{"type":["string","null"]},"user_id":{"type":["string","null"]},"action":{"type":["string","null"],"pattern":"^([A-Z_]{1,50})?$"},"resource_type":{"type":["string","null"]},"resource_id":{"type":["string","null"]},"category":{"type":["string","null"]},"status":{"type":["string","null"],"enum":["success","failed","",null]},"start_time":{"type":["string","null"]},"end_time":{"type":["string","null"]},"format":{"type":["string","null"],"enum":["json","csv","",null],"default":"json"}}},"HealthOk":{"type":"object","required":["code","status","message","database"],"properties":{"code":{"const":200},"status":{"const":"ok"},"message":{"const":"服务正常运行"},"database":{"const":"ok"}}},"HealthUnavailable":{"type":"object","required":["code","status","message","database"],"properties":{"code":{"const":503},"status":{"const":"error"},"message":{"const":"数据库不可用"},"database":{"const":"unavailable"}}},"AuthJWTError":{"type":"object","description":"Flask-JWT-Extended's token refusal (seeds 001/003).","required":["msg"],"properties":{"msg":{"type":"string"}}},"AuthUnionError":{"type":"object","description":"One text under each seed client's key: `error` (001), `message` (003), `detail` (004).","required":["error","message","detail"],"properties":{"error":{"type":"string"},"message":{"type":"string"},"detail":{"type":"string"}}},"AuthServerError":{"type":"object","description":"The error body no API family claims (body too large, database down, internal error).","required":["error","message","detail","code","request_id"],"properties":{"error":{"type":"string"},"message":{"type":"string"},"detail":{"type":"string"},"code":{"type":"integer"},"request_id":{"type":"string"}}},"AuthThrottleError":{"type":"object","required":["error","message","detail","retry_after"],"properties":{"error":{"type":"string"},"message":{"type":"string"},"detail":{"type":"string"},"retry_after":{"type":"integer","minimum":1}}},"AuthRegisterError":{"type":"object","description":"`error` in seed 001's words, `message` in seed 003's; `detail` only on length refusals.","required":["error","message"],"properties":{"error":{"type":"string"},"message":{"type":"string"},"detail":{"type":"string"}}},"AuthValidationError":{"type":"object","description":"Seed 004's validation failure.","required":["detail","errors","path"],"properties":{"detail":{"type":"string","const":"请求参数验证失败"},"errors":{"type":"array","items":{"type":"string"},"description":"`field: pydantic message` per field."},"path":{"type":"string"}}},"AuthMessage":{"type":"object","required":["message"],"properties":{"message":{"type":"string"}}},"AuthChatUser":{"type":"object","description":"Seed 001's `UserJSON`, plus role, description and account status.","required":["id","username","email","avatar","created_at","last_seen","role","description","status"],"properties":{"id":{"type":"integer"},"username":{"type":"string"},"email":{"type":["string","null"]},"avatar":{"type":"string","description":"`\"\"` when none; relative paths are made absolute with `BASE_URL`."},"created_at":{"type":"string","description":"Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`."},"last_seen":{"type":["string","null"],"description":"Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`."},"role":{"type":"string","enum":["user","buyer","merchant","agent","admin","auditor","guest"]},"description":{"type":["string","null"]},"status":{"type":"string","enum":["active","inactive","deleted"]}}},"AuthSupportUser":{"type":"object","description":"Seed 004's `UserResponse`.","required":["id","username","email","avatar","role","description","status","created_at","last_seen"],"properties":{"id":{"type":"string","description":"External id, else the integer id in decimal."},"username":{"type":"string"},"email":{"type":["string","null"]},"avatar":{"type":["string","null"],"description":"Absolute URL, or null."},"role":{"type":"string","enum":["user","buyer","merchant","agent","admin","auditor","guest"]},"description":{"type":["string","null"]},"status":{"type":"string","enum":["active","inactive","deleted"]},"created_at":{"type":"integer","description":"Epoch seconds."},"last_seen":{"type":["integer","null"],"description":"Epoch seconds."}}},"AuthRegisterResponse":{"type":"object","required":["message","access_token","token","token_type","userId","user_id","username","email","user"],"properties":{"message":{"type":"string","const":"注册成功"},"access_token":{"type":"string"},"token":{"type":"string","description":"The same string as `access_token`."},"token_type":{"type":"string","const":"bearer"},"userId":{"type":"integer"},"user_id":{"type":"integer"},"username":{"type":"string"},"email":{"type":["string","null"]},"user":{"$ref":"#/components/schemas/AuthChatUser"}}},"AuthLoginResponse":{"type":"object","required":["message","access_token","token","token_type","userId","user_id"],"properties":{"message":{"type":"string","enum":["登录成功","访客登陆成功"]},"access_token":{"type":"string"},"token":{"type":"string","description":"The same string as `access_token`."},"token_type":{"type":"string","const":"bearer"},"userId":{"type":["integer","string"],"description":"0 for a guest; the external id for seed-004 users."},"user_id":{"type":["integer","string"],"description":"Same as `userId`."},"username":{"type":"string","description":"Absent for a guest."},"email":{"type":["string","null"],"description":"Absent for a guest."},"user":{"anyOf":[{"$ref":"#/components/schemas/AuthChatUser"},{"$ref":"#/components/schemas/AuthSupportUser"}],"description":"Absent for a guest."}}},"AuthMintedToken":{"type":"object","required":["access_token","token_type","user"],"properties":{"access_token":{"type":"string"},"token_type":{"type":"string","const":"bearer"},"user":{"$ref":"#/components/schemas/AuthSupportUser"}}},"AuthProfileResponse":{"type":"object","required":["user"],"properties":{"user":{"$ref":"#/components/schemas/AuthChatUser"}}},"AuthSession":{"type":"object","required":["id","created_at","expires_at","ip_address","user_agent","current"],"properties":{"id":{"type":"string"},"created_at":{"type":"string","description":"Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`."},"expires_at":{"type":"string","description":"Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`."},"ip_address":{"type":"string"},"user_agent":{"type":"string"},"current":{"type":"boolean"}}},"AuthSessionList":{"type":"object","required":["sessions"],"properties":{"sessions":{"type":"array","items":{"$ref":"#/components/schemas/AuthSession"}}}},"AuthCaptcha":{"type":"object","required":["captcha"],"properties":{"captcha":{"type":"string","pattern":"^data:image/png;base64,"}}},"AuthEmailCodeStatus":{"type":"object","required":["remaining"],"properties":{"remaining":{"type":"integer","const":0}}},"AuthEmailCodeSent":{"type":"object","required":["message","remaining"],"properties":{"message":{"type":"string","const":"验证码已发送"},"remaining":{"type":"integer","const":60}}},"AuthLoginLog":{"type":"object","required":["login_time","status","ip_address","device_info"],"properties":{"login_time":{"type":"string","description":"Naive UTC `YYYY-MM-DD HH:MM:SS`."},"status":{"type":"string","enum":["success","failed"]},"ip_address":{"type":"string"},"device_info":{"type":"string","description":"The User-Agent."}}},"AuthLoginLogPage":{"type":"object","required":["logs","user_id","page","per_page","total"],"properties":{"logs":{"type":"array","items":{"$ref":"#/components/schemas/AuthLoginLog"}},"user_id":{"type":"integer"},"page":{"type":"integer"},"per_page":{"type":"integer"},"total":{"type":"integer"}}},"AuthRegisterRequest":{"type":"object","required":["username","email","password"],"properties":{"username":{"type":"string","minLength":1,"maxLength":50,"description":"1–50 characters after trimming; unique ignoring case."},"email":{"type":"string","minLength":1,"maxLength":120,"description":"Up to 120 characters after trimming; unique ignoring case; no format check."},"password":{"type":"string","minLength":8,"description":"At least 8 characters and at most 72 bytes (UTF-8); not trimmed."},"code":{"description":"Seed 003's e-mail code; ignored."}}},"AuthLoginRequest":{"type":"object","description":"All fields optional: what is missing decides between guest login and 400.","properties":{"username":{"type":"string","description":"Username or e-mail; wins over `email` when non-empty."},"email":{"description":"Seed 003's identifier; its presence (any value) enables the guest login when it or `password` is empty."},"password":{"type":"string"},"captcha":{"description":"Ignored."}}},"AuthChangePasswordRequest":{"type":"object","required":["old_password","new_password"],"properties":{"old_password":{"type":"string","minLength":1},"new_password":{"type":"string","minLength":8,"description":"At least 8 characters, at most 72 bytes; may equal the old one."}}},"AuthMintTokenRequest":{"type":"object","required":["user_id"],"properties":{"user_id":{"type":"string","minLength":1,"description":"External id, or the integer id as digits."}}},"AuthSendEmailCodeRequest":{"type":"object","required":["email"],"properties":{"email":{"type":"string","description":"Trimmed; must contain `@` not at either end; at most 120 characters."}}},"ChatNotice":{"type":"object","required":["message"],"properties":{"message":{"type":"string"}}},"ChatAddFriendRequest":{"type":"object","required":["friend_username"],"properties":{"friend_username":{"type":"string","pattern":"\\S","description":"Trimmed."}}},"ChatAddFriendResponse":{"type":"object","required":["message","friend"],"properties":{"message":{"type":"string","const":"好友添加成功"},"friend":{"$ref":"#/components/schemas/AuthChatUser"}}},"ChatFriend":{"allOf":[{"$ref":"#/components/schemas/AuthChatUser"},{"type":"object","required":["friendship_created"],"properties":{"friendship_created":{"type":["string","null"],"description":"Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`."}}}]},"ChatFriendList":{"type":"object","required":["friends","count"],"properties":{"friends":{"type":"array","items":{"$ref":"#/components/schemas/ChatFriend"}},"count":{"type":"integer"}}},"ChatUserList":{"type":"object","required":["users","count"],"properties":{"users":{"type":"array","items":{"$ref":"#/components/schemas/AuthChatUser"},"maxItems":20},"count":{"type":"integer"}}},"ChatRemoveFriendRequest":{"type":"object","required":["friend_id"],"properties":{"friend_id":{"oneOf":[{"type":"integer","minimum":1,"maximum":9223372036854775807},{"type":"string","pattern":"^[0-9]*[1-9][0-9]*$","maxLength":18}],"description":"A positive integer, or a string of digits. `0`, negatives and other values count as missing (400)."}}},"ChatPersonSummary":{"type":"object","required":["id","username","avatar","status"],"properties":{"id":{"type":"integer"},"username":{"type":["string","null"],"description":"null when the user row is gone."},"avatar":{"type":["string","null"]},"status":{"type":"string","enum":["online","offline"],"description":"Presence."}}},"ChatFriendRequest":{"type":"object","required":["request_id","id","status","sender","receiver","created_at","responded_at"],"properties":{"request_id":{"type":"integer"},"id":{"type":"integer","description":"Same as `request_id`."},"status":{"type":"string","enum":["pending","accepted","rejected","cancelled"]},"sender":{"$ref":"#/components/schemas/ChatPersonSummary"},"receiver":{"$ref":"#/components/schemas/ChatPersonSummary"},"created_at":{"type":"string","description":"Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`."},"responded_at":{"type":["string","null"],"description":"Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`."}}},"ChatFriendRequestLists":{"type":"object","required":["incoming","outgoing"],"properties":{"incoming":{"type":"array","items":{"$ref":"#/components/schemas/ChatFriendRequest"}},"outgoing":{"type":"array","items":{"$ref":"#/components/schemas/ChatFriendRequest"}}}},"ChatFriendRequestCreate":{"type":"object","description":"The receiver under `receiver_id` or `user_id`.","properties":{"receiver_id":{"oneOf":[{"type":"integer","minimum":1,"maximum":9223372036854775807},{"type":"string","pattern":"^[0-9]*[1-9][0-9]*$","maxLength":18}],"description":"A positive integer, or a string of digits. `0`, negatives and other values count as missing (400)."},"user_id":{"oneOf":[{"type":"integer","minimum":1,"maximum":9223372036854775807},{"type":"string","pattern":"^[0-9]*[1-9][0-9]*$","maxLength":18}],"description":"Used when `receiver_id` is absent or names nobody."}},"anyOf":[{"required":["receiver_id"]},{"required":["user_id"]}]},"ChatBlockedList":{"type":"object","required":["blocked","count"],"properties":{"blocked":{"type":"array","items":{"$ref":"#/components/schemas/ChatPersonSummary"}},"count":{"type":"integer"}}},"ChatBlockRequest":{"type":"object","required":["user_id"],"properties":{"user_id":{"oneOf":[{"type":"integer","minimum":1,"maximum":9223372036854775807},{"type":"string","pattern":"^[0-9]*[1-9][0-9]*$","maxLength":18}],"description":"A positive integer, or a string of digits. `0`, negatives and other values count as missing (400)."}}},"ChatBlockResult":{"type":"object","required":["message","user_id"],"properties":{"message":{"type":"string","enum":["已屏蔽该用户","已取消屏蔽"]},"user_id":{"type":"integer"}}},"ChatFriendCheck":{"type":"object","required":["is_friend"],"properties":{"is_friend":{"type":"boolean"}}},"ChatDirectMessage":{"type":"object","description":"Seed 001's `MessageJSON`, plus `seq` and `client_msg_id`.","required":["id","sender_id","receiver_id","content","message_type","is_read","created_at","seq","client_msg_id"],"properties":{"id":{"type":"integer"},"sender_id":{"type":"integer"},"receiver_id":{"type":"integer"},"content":{"type":"string"},"message_type":{"type":"string","enum":["text","emoji","image","file"]},"is_read":{"type":"boolean"},"created_at":{"type":"string","description":"Naive UTC ISO 8601 with six fractional digits, e.g. `2025-07-21T06:53:19.685547`."},"seq":{"type":"integer","description":"Position in the conversation, from 1."},"client_msg_id":{"type":["string","null"]}}},"ChatDirectMessageWithSender":{"allOf":[{"$ref":"#/components/schemas/ChatDirectMessage"},{"type":"object","required":["sender_username"],"properties":{"sender_username":{"type":"string","description":"`Unknown` when the row is gone."}}}]},"ChatSendMessageRequest":{"type":"object","required":["receiver_id","content"],"properties":{"receiver_id":{"oneOf":[{"type":"integer","minimum":1,"maximum":9223372036854775807},{"type":"string","pattern":"^[0-9]*[1-9][0-9]*$","maxLength":18}],"description":"A positive integer, or a string of digits. `0`, negatives and other values count as missing (400)."},"content":{"type":"string","pattern":"\\S","maxLength":10000,"description":"Trimmed; not blank; at most `MAX_MESSAGE_LENGTH` (default 10000) characters after trimming."},"message_type":{"type":"string","enum":["text","emoji","image","file"],"default":"text"},"client_msg_id":{"type":"string","description":"Idempotency key; only the first 64 characters are kept; empty = none."}}},"ChatSendResult":{"type":"object","required":["message","data"],"properties":{"message":{"type":"string","const":"消息发送成功"},"data":{"$ref":"#/components/schemas/ChatDirectMessage"}}},"ChatPagination":{"type":"object","required":["page","pages","per_page","total","has_next","has_prev"],"properties":{"page":{"type":"integer"},"pages":{"type":"integer"},"per_page":{"type":"integer"},"total":{"type":"integer"},"has_next":{"type":"boolean"},"has_prev":{"type":"boolean"}}},"ChatHistory":{"type":"object","required":["messages","pagination"],"properties":{"messages":{"type":"array","items":{"$ref":"#/components/schemas/ChatDirectMessageWithSender"}},"pagination":{"$ref":"#/components/schemas/ChatPagination"}}},"ChatChatEntry":{"type":"object","required":["partner","last_message","unread_count"],"properties":{"partner":{"$ref":"#/components/schemas/AuthChatUser"},"last_message":{"$ref":"#/components/schemas/ChatDirectMessage"},"unread_count":{"type":"integer"}}},"ChatChatList":{"type":"object","required":["chats","count"],"properties":{"chats":{"type":"array","items":{"$ref":"#/components/schemas/ChatChatEntry"}},"count":{"type":"integer"}}},"ChatLastMessageResponse":{"anyOf":[{"type":"object","required":["last_message"],"properties":{"last_message":{"$ref":"#/components/schemas/ChatDirectMessageWithSender"}}},{"type":"object","required":["message"],"properties":{"message":{"type":"string","const":"暂无消息记录"}}}]},"ChatMarkReadRequest":{"type":"object","required":["sender_id"],"properties":{"sender_id":{"oneOf":[{"type":"integer","minimum":1,"maximum":9223372036854775807},{"type":"string","pattern":"^[0-9]*[1-9][0-9]*$","maxLength":18}],"description":"A positive integer, or a string of digits. `0`, negatives and other values count as missing (400)."}}},"PlatformTokenError":{"type":"object","description":"Flask-JWT-Extended's token refusal, as seed 003 routes answer it.","required":["msg"],"properties":{"msg":{"type":"string"}}},"PlatformServerError":{"type":"object","description":"The server's generic error body (body too large, database unavailable): the same text under each seed client's key, with the status and the request id.","required":["error","message","detail","code","request_id"],"properties":{"error":{"type":"string"},"message":{"type":"string"},"detail":{"type":"string"},"code":{"type":"integer"},"request_id":{"type":"string"}}},"PlatformMessageREST":{"type":"object","description":"Seed 003's REST message (`MessageREST`).","required":["id","sender_id","receiver_id","group_id","content","type","created_at","status","file_url","sender_name"],"properties":{"id":{"type":"integer","format":"int64"},"sender_id":{"type":"integer","format":"int64"},"receiver_id":{"type":"integer","format":"int64","description":"The other user of a direct message; 0 for a group message."},"group_id":{"type":"integer","format":"int64","description":"The group of a group message; 0 for a direct message."},"content":{"type":"string","description":"The text; a file's name for a file sent over the socket; a media URL for an image or file uploaded elsewhere."},"type":{"type":"string","enum":["text","emoji","image","file"]},"created_at":{"type":"string","description":"Naive UTC, `YYYY-MM-DD HH:MM:SS`.","examples":["2025-01-05 14:03:11"]},"status":{"type":"string","const":"sent"},"file_url":{"type":"string","description":"`/uploads/chat/<file_id>` for a file sent over the socket (download as `/api/file` + it), else `\"\"`."},"sender_name":{"type":"string","description":"The sender's username; `\"\"` when unknown."}}},"PlatformMessageList":{"type":"array","description":"At most 50 messages, oldest first.","maxItems":50,"items":{"$ref":"#/components/schemas/PlatformMessageREST"}},"PlatformSendRequest":{"type":"object","description":"Read as Flask's `data.get(key)`: a field of the wrong type reads as absent. One of `group_id` (a group the caller is in; group 1, the public channel, is joined on the first send) or `receiver_id` (a friend) names the destination; `group_id` wins when both are given.","properties":{"sender_id":{"type":["integer","string"],"description":"Optional; when given it must be the caller's own id (else 403)."},"receiver_id":{"type":["integer","string"],"description":"The friend to send to (positive integer or digit string)."},"group_id":{"type":["integer","string"],"description":"The group to send to (positive integer or digit string)."},"content":{"type":"string","description":"Trimmed; must not be empty and at most `MAX_MESSAGE_LENGTH` (10000) characters. Ignored for `file`."},"type":{"type":"string","enum":["text","emoji","file"],"default":"text"},"file_url":{"type":"string","description":"For `type: file`: `/uploads/chat/<file_id>` of a file the sender uploaded over the socket (`<file_id>` of the form `<sender>_b_c_<name>`, no `/` or `..`; a query is ignored), or `/files/<upload id>` of a finished resumable upload of the sender (`/api/files/<id>` and a received `/uploads/files/<id>/<name>` work too); someone else's file → 403."},"client_msg_id":{"type":"string","description":"Idempotency key (first 64 characters): a repeated send returns the stored message without delivering it again."},"status":{"description":"Ignored."}}},"PlatformHistoryRequest":{"type":"object","description":"`groupId` (or `channelId: \"public\"`, group 1) → the group's messages; else `friendId` → the direct conversation with that user; else `[]`. A field of the wrong type reads as absent.","properties":{"groupId":{"type":["integer","string"],"description":"A positive integer, or a string of digits (surrounding spaces allowed). Any other value (0, a negative number, another type) names nobody."},"friendId":{"type":["integer","string"],"description":"A positive integer, or a string of digits (surrounding spaces allowed). Any other value (0, a negative number, another type) names nobody."},"channelId":{"type":"string","description":"`public` for the public channel (group 1); other values are ignored."}}},"PlatformSuccess":{"type":"object","required":["success"],"properties":{"success":{"type":"boolean","const":true}}},"PlatformUnreadCounts":{"type":"object","description":"Unread direct messages per sender: keys are sender ids in decimal, values the counts (only senders with unread messages appear).","propertyNames":{"pattern":"^[0-9]+$"},"additionalProperties":{"type":"integer","minimum":1}},"PlatformUserStatus":{"type":"object","required":["status"],"properties":{"status":{"type":"string","enum":["online","offline"]}}},"PlatformContactEntry":{"type":"object","required":["id","name","avatar","type"],"properties":{"id":{"type":"integer","format":"int64"},"name":{"type":"string"},"avatar":{"type":["string","null"],"description":"Absolute (with `BASE_URL`) or relative media URL; null when none."},"type":{"type":"string","enum":["friend","group"]}}},"PlatformContactList":{"type":"array","items":{"$ref":"#/components/schemas/PlatformContactEntry"}},"PlatformUsername":{"type":"object","required":["username"],"properties":{"username":{"type":"string"}}},"PlatformAccountUser":{"type":"object","description":"Seed 001's `UserJSON` with role, description and account status.","required":["id","username","email","avatar","created_at","last_seen","role","description","status"],"properties":{"id":{"type":"integer","format":"int64"},"username":{"type":"string"},"email":{"type":["string","null"]},"avatar":{"type":"string","description":"Media URL, `\"\"` when none."},"created_at":{"type":"string","description":"Naive UTC ISO 8601 with microseconds.","examples":["2025-07-21T06:53:19.685547"]},"last_seen":{"type":["string","null"]},"role":{"type":"string","enum":["user","buyer","merchant","agent","admin","auditor","guest"]},"description":{"type":["string","null"]},"status":{"type":"string","enum":["active","inactive","deleted"],"description":"Account status (not presence)."}}},"PlatformAccountUpdateRequest":{"type":"object","description":"Absent keys keep their value. Every given key must have the listed type (else 400).","properties":{"username":{"type":"string","description":"Trimmed; 1–50 characters, not taken (ignoring case)."},"email":{"type":"string","description":"Trimmed; 1–120 characters, not taken (ignoring case)."},"avatar":{"type":["string","null"],"maxLength":255,"description":"null clears the avatar."},"password":{"type":"string","description":"Ignored here."}}},"PlatformAccountUpdated":{"type":"object","required":["message","user"],"properties":{"message":{"type":"string","const":"用户信息更新成功"},"user":{"$ref":"#/components/schemas/PlatformAccountUser"}}},"PlatformAccountDeleteRequest":{"type":"object","required":["password"],"properties":{"password":{"type":"string","minLength":1,"description":"The account's password, to confirm."},"username":{"type":"string","description":"Read (must be a string if given) but unused."},"email":{"type":"string","description":"Read (must be a string if given) but unused."},"avatar":{"type":["string","null"],"description":"Read (must be a string or null if given) but unused."}}},"PlatformAccountDeleted":{"type":"object","required":["message"],"properties":{"message":{"type":"string","const":"账户已注销"}}},"PlatformGroupCreateRequest":{"type":"object","description":"Read as Flask's `data.get(key)`: an optional field of the wrong type reads as absent.","required":["name","owner_id"],"properties":{"name":{"type":"string","description":"Trimmed; 1–100 characters."},"owner_id":{"type":["integer","string"],"description":"The owner (an existing user); with a (valid, non-guest) token it must be the caller."},"type":{"type":"string","enum":["public","private"],"default":"private"},"description":{"type":"string","maxLength":1000},"avatar":{"type":"string","maxLength":255}}},"PlatformGroupJoinRequest":{"type":"object","required":["group_id"],"properties":{"group_id":{"type":["integer","string"],"description":"A positive integer, or a string of digits (surrounding spaces allowed). Any other value (0, a negative number, another type) names nobody."}}},"PlatformGroupMembership":{"type":"object","required":["message","group_id","name"],"properties":{"message":{"type":"string","enum":["群组创建成功","加入群组成功","已经是群组成员"]},"group_id":{"type":"integer","format":"int64"},"name":{"type":"string"}}},"PlatformGroupInfo":{"type":"object","required":["id","name","description","avatar","type","owner_id","member_count","created_at"],"properties":{"id":{"type":"integer","format":"int64"},"name":{"type":"string"},"description":{"type":["string","null"]},"avatar":{"type":["string","null"]},"type":{"type":"string","enum":["public","private"]},"owner_id":{"type":"integer","format":"int64","description":"0 for the public channel."},"member_count":{"type":"integer","minimum":0},"created_at":{"type":"string","description":"Naive UTC, `YYYY-MM-DD HH:MM:SS`."}}},"PlatformGroup":{"type":"object","description":"A group as Rapport's `/api/groups` routes show it.","required":["id","name","owner_id","members","created_at"],"properties":{"id":{"type":"integer","format":"int64"},"name":{"type":"string"},"owner_id":{"type":"integer","format":"int64"},"members":{"type":"array","description":"By user id.","items":{"type":"object","required":["user_id","role"],"properties":{"user_id":{"type":"integer","format":"int64"},"role":{"type":"string","enum":["owner","admin","member"]}}}},"created_at":{"type":"string","description":"Naive UTC ISO 8601 with microseconds."}}},"PlatformGroupList":{"type":"object","required":["groups"],"properties":{"groups":{"type":"array","description":"Newest first.","items":{"$ref":"#/components/schemas/PlatformGroup"}}}},"PlatformGroupsCreateRequest":{"type":"object","required":["name"],"properties":{"name":{"type":"string","description":"Trimmed, must not be empty; cut to 100 characters."},"member_ids":{"type":["array","null"],"maxItems":1000,"items":{"type":"integer","format":"int64","minimum":1},"description":"Existing users to add as members (the caller is the owner)."}}},"PlatformGroupsRenameRequest":{"type":"object","required":["name"],"properties":{"name":{"type":"string","description":"Trimmed, must not be empty; cut to 100 characters."}}},"PlatformGroupsAddMembersRequest":{"type":"object","required":["user_ids"],"properties":{"user_ids":{"type":"array","maxItems":1000,"items":{"type":"integer","format":"int64","minimum":1},"description":"Existing users; members already in keep their role."},"role":{"type":["string","null"],"enum":["member","admin",null],"default":"member","description":"`admin` only by the owner."}}},"PlatformGroupsSendRequest":{"type":"object","required":["content"],"properties":{"content":{"type":"string","description":"Trimmed; must not be empty and at most `MAX_MESSAGE_LENGTH` (10000) characters."},"client_msg_id":{"type":["string","null"],"description":"Idempotency key (first 64 characters)."}}},"PlatformGroupMessage":{"type":"object","required":["id","conversation_id","seq","sender_id","sender_name","content","type","client_msg_id","created_at"],"properties":{"id":{"type":"integer","format":"int64"},"conversation_id":{"type":"integer","format":"int64","description":"The group's id."},"seq":{"type":"integer","format":"int64","minimum":1},"sender_id":{"type":"integer","format":"int64"},"sender_name":{"type":["string","null"]},"content":{"type":"string","description":"The text; a media URL for an image; a file's name for a file sent over the socket."},"type":{"type":"string","enum":["text","emoji","image","file"]},"client_msg_id":{"type":["string","null"]},"created_at":{"type":"string","description":"Naive UTC ISO 8601 with microseconds."},"file_url":{"type":"string","description":"Only for a file message: `/uploads/chat/<file_id>` (sent over the socket) or `/uploads/files/<upload id>/<name>` (a resumable upload), signed for the recipients (`?expires=…&signature=…`); downloaded as `/api/file` + it."}}},"PlatformGroupMessages":{"type":"object","required":["messages"],"properties":{"messages":{"type":"array","description":"Oldest first.","items":{"$ref":"#/components/schemas/PlatformGroupMessage"}}}},"MediaJWTError":{"type":"object","required":["msg"],"description":"Seed 003's token refusal (Flask-JWT-Extended), and its 503 when the token cannot be checked.","properties":{"msg":{"type":"string"}}},"FileError":{"type":"object","required":["error","detail"],"description":"A refusal of the file routes (tus and downloads); `msg`, `message`, `code` and `request_id` may come too.","properties":{"error":{"type":"string"},"detail":{"type":"string"}}},"MediaErrorEnvelope":{"type":"object","required":["error","message","detail","code","request_id"],"description":"The envelope of errors no API family claims (body too large, database down): the same text under every family's key, the status and the request id.","properties":{"error":{"type":"string"},"message":{"type":"string"},"detail":{"type":"string"},"code":{"type":"integer"},"request_id":{"type":"string"}}},"MediaValidationError":{"type":"object","required":["detail","errors","path"],"description":"Seed 004's validation failure (422).","properties":{"detail":{"type":"string","const":"请求参数验证失败"},"errors":{"type":"array","items":{"type":"string"},"description":"`<field>: <pydantic message>`"},"path":{"type":"string"}}},"MediaPublicProfile":{"type":"object","required":["id","username","avatar","bio","location","phone"],"properties":{"id":{"type":"integer","format":"int64"},"username":{"type":"string"},"avatar":{"type":["string","null"],"description":"Absolute URL when `BASE_URL` is set; `null` when none."},"bio":{"type":["string","null"]},"location":{"type":["string","null"]},"phone":{"type":["string","null"]}}},"MediaOwnProfile":{"allOf":[{"$ref":"#/components/schemas/MediaPublicProfile"}],"type":"object","required":["email"],"properties":{"email":{"type":["string","null"]}}},"MediaProfileChanges":{"type":"object","description":"Only the keys present change; `null` clears one. Other keys are ignored.","properties":{"bio":{"type":["string","null"],"maxLength":2000},"location":{"type":["string","null"],"maxLength":100},"phone":{"type":["string","null"],"maxLength":20}}},"MediaProfileUpdated":{"type":"object","required":["message","profile"],"properties":{"message":{"type":"string","const":"个人资料更新成功"},"profile":{"$ref":"#/components/schemas/MediaOwnProfile"}}},"MediaAvatarUploaded":{"type":"object","required":["message"],"properties":{"message":{"type":"string"},"avatar":{"type":"string","description":"The new avatar URL; absent when no `avatar` part was sent."}}},"MediaUploadResult":{"type":"object","required":["url","filename","file_type"],"properties":{"url":{"type":"string","description":"`<BASE_URL>/api/media/uploads/YYYY/MM/DD/<random>.<ext>`"},"filename":{"type":"string","description":"The part's file name as sent."},"file_type":{"type":"string","enum":["image","file"]}}},"AISuggestRequest":{"type":"object","required":["current_user_id"],"description":"Either `messages` or `conversation` (not both).","anyOf":[{"required":["messages"]},{"required":["conversation"]}],"properties":{"current_user_id":{"type":["integer","string"],"description":"The caller's integer id (a number or a string of digits); another id → 403."},"model":{"type":["string","null"],"description":"`doubao` (default), `gemini`, `deepseek`, `grok` or a configured provider, any case; anything else → 400 `Invalid model`."},"messages":{"type":"array","description":"The transcript; items without a truthy `sender_id` and `content` are skipped; the last 200 are used.","items":{"$ref":"#/components/schemas/AITranscriptMessage"}},"conversation":{"$ref":"#/components/schemas/AIConversationRef"}}},"AITranscriptMessage":{"type":"object","properties":{"sender_id":{"description":"Any value; a non-string is quoted as JSON."},"content":{"description":"Any value; a non-string is quoted as JSON."}}},"AIConversationRef":{"type":"object","description":"The caller's conversation whose last 15 messages are read: a group it is in, or its direct chat with a friend. `group_id` wins when both are given.","properties":{"group_id":{"type":["integer","string"]},"friend_id":{"type":["integer","string"]}}},"SupportAgent":{"type":"object","required":["user_id","merchant_id","capacity","load","online","online_until","user"],"properties":{"user_id":{"type":"string"},"merchant_id":{"type":"string"},"capacity":{"type":"integer","minimum":0},"load":{"type":"integer","description":"Active conversations assigned."},"online":{"type":"boolean"},"online_until":{"type":["integer","null"],"description":"End of the presence lease (epoch seconds); null when offline."},"user":{"description":"The user, or null if it no longer exists.","oneOf":[{"$ref":"#/components/schemas/SupportUser"},{"type":"null"}]}}},"SupportAgentPage":{"type":"object","required":["count","results"],"properties":{"count":{"type":"integer"},"results":{"type":"array","items":{"$ref":"#/components/schemas/SupportAgent"}}}},"SupportAgentSaveRequest":{"type":"object","description":"A JSON object (may be empty for a merchant registering its own staff).","properties":{"merchant_id":{"type":["string","null"],"description":"The merchant (a user of role `merchant`); required (non-null) when the caller is an admin, the caller itself otherwise."},"capacity":{"anyOf":[{"description":"Most active conversations at once, 0–1000. Integers are also accepted as a string of digits (pydantic's lax mode).","oneOf":[{"type":"integer","minimum":0,"maximum":1000},{"type":"string","pattern":"^[ \\t\\n\\r]*\\+?0*([0-9]{1,3}|1000)[ \\t\\n\\r]*$"}]},{"type":"null"}],"description":"Kept when absent or null (5 for a new agent)."}}},"SupportConversation":{"type":"object","required":["id","customer_id","merchant_id","customer_unread_count","merchant_unread_count","last_message","last_message_time","created_at","updated_at","customer","merchant","status","assignee_id","snoozed_until"],"properties":{"id":{"type":"integer","format":"int64"},"customer_id":{"type":"string"},"merchant_id":{"type":"string"},"customer_unread_count":{"type":"integer"},"merchant_unread_count":{"type":"integer"},"last_message":{"type":["string","null"],"description":"Preview of the newest message (`[图片]`, `[文件]`, or the first 100 characters)."},"last_message_time":{"type":["integer","null"],"description":"Epoch seconds, or null."},"created_at":{"type":"integer","description":"Epoch seconds."},"updated_at":{"type":"integer","description":"Epoch seconds."},"customer":{"description":"The user, or null if it no longer exists.","oneOf":[{"$ref":"#/components/schemas/SupportUser"},{"type":"null"}]},"merchant":{"description":"The user, or null if it no longer exists.","oneOf":[{"$ref":"#/components/schemas/SupportUser"},{"type":"null"}]},"status":{"type":"string","enum":["open","pending","resolved","snoozed"]},"assignee_id":{"type":["string","null"],"description":"The agent it is assigned to, or null."},"snoozed_until":{"type":["integer","null"],"description":"Epoch seconds, or null."}}},"SupportConversationCreate":{"type":"object","required":["customer_id","merchant_id"],"properties":{"customer_id":{"type":"string"},"merchant_id":{"type":"string"}}},"SupportConversationDetail":{"type":"object","required":["id","customer_id","merchant_id","customer_unread_count","merchant_unread_count","last_message","last_message_time","created_at","updated_at","customer","merchant","status","assignee_id","snoozed_until","message_count","messages"],"properties":{"id":{"type":"integer","format":"int64"},"customer_id":{"type":"string"},"merchant_id":{"type":"string"},"customer_unread_count":{"type":"integer"},"merchant_unread_count":{"type":"integer"},"last_message":{"type":["string","null"],"description":"Preview of the newest message (`[图片]`, `[文件]`, or the first 100 characters)."},"last_message_time":{"type":["integer","null"],"description":"Epoch seconds, or null."},"created_at":{"type":"integer","description":"Epoch seconds."},"updated_at":{"type":"integer","description":"Epoch seconds."},"customer":{"description":"The user, or null if it no longer exists.","oneOf":[{"$ref":"#/components/schemas/SupportUser"},{"type":"null"}]},"merchant":{"description":"The user, or null if it no longer exists.","oneOf":[{"$ref":"#/components/schemas/SupportUser"},{"type":"null"}]},"status":{"type":"string","enum":["open","pending","resolved","snoozed"]},"assignee_id":{"type":["string","null"],"description":"The agent it is assigned to, or null."},"snoozed_until":{"type":["integer","null"],"description":"Epoch seconds, or null."},"message_count":{"type":"integer"},"messages":{"type":"null"}}},"SupportConversationPage":{"type":"object","required":["count","results"],"properties":{"count":{"type":"integer"},"results":{"type":"array","items":{"$ref":"#/components/schemas/SupportConversation"}}}},"SupportEnsureEntry":{"type":"object","required":["id","role"],"properties":{"id":{"type":"string","minLength":1,"maxLength":50},"role":{"type":"string","enum":["user","buyer","merchant","agent","admin","auditor"]},"username":{"type":["string","null"],"maxLength":100,"description":"Missing, null or empty: generated."},"avatar":{"type":["string","null"],"maxLength":255,"description":"Missing, null or empty: the role's default avatar."},"description":{"type":["string","null"],"maxLength":16000}}},"SupportEnsureRequest":{"type":"object","required":["users"],"properties":{"users":{"type":"array","items":{"$ref":"#/components/schemas/SupportEnsureEntry"}}}},"SupportIntegrityError":{"type":"object","required":["detail","error_type","path"],"properties":{"detail":{"type":"string","const":"数据已存在，违反唯一性约束"},"error_type":{"type":"string","const":"integrity_error"},"path":{"type":"string"}}},"SupportMessage":{"type":"object","required":["id","conversation_id","sender_id","content","message_type","is_read","created_at","sender"],"properties":{"id":{"type":"integer","format":"int64"},"conversation_id":{"type":"integer","format":"int64"},"sender_id":{"type":"string"},"content":{"type":"string","description":"The text; for `image`/`file` an absolute URL."},"message_type":{"type":"string","enum":["text","image","file"]},"is_read":{"type":"boolean"},"created_at":{"type":"integer","description":"Epoch seconds."},"sender":{"description":"The user, or null if it no longer exists.","oneOf":[{"$ref":"#/components/schemas/SupportUser"},{"type":"null"}]}}},"SupportMessageCreate":{"type":"object","required":["conversation_id","sender_id","content"],"properties":{"conversation_id":{"description":"The conversation. Integers are also accepted as a string of digits (pydantic's lax mode).","oneOf":[{"type":"integer","minimum":-9223372036854775808,"maximum":9223372036854775807},{"type":"string","pattern":"^[ \\t\\n\\r]*[+-]?0*[0-9]{1,18}[ \\t\\n\\r]*$"}]},"sender_id":{"type":"string","description":"The sender; a non-admin must name itself."},"content":{"type":"string","maxLength":10000,"description":"Up to `MAX_MESSAGE_LENGTH` characters (default 10000); empty is allowed. For image/file, the URL."},"message_type":{"type":["string","null"],"enum":["text","image","file",null],"default":"text"}}},"SupportMessagePage":{"type":"object","required":["count","results"],"properties":{"count":{"type":"integer"},"results":{"type":"array","items":{"$ref":"#/components/schemas/SupportMessage"}}}},"SupportPresenceRequest":{"type":"object","required":["online"],"properties":{"online":{"type":"boolean"}}},"SupportQueue":{"type":"object","required":["waiting","teams"],"properties":{"waiting":{"type":"integer","description":"Waiting conversations over all the teams shown."},"teams":{"type":"array","items":{"$ref":"#/components/schemas/SupportQueueTeam"}}}},"SupportQueueTeam":{"type":"object","required":["merchant_id","waiting","oldest_waiting_since","agents_online","agents"],"properties":{"merchant_id":{"type":"string"},"waiting":{"type":"integer"},"oldest_waiting_since":{"type":["integer","null"],"description":"Epoch seconds, or null."},"agents_online":{"type":"integer"},"agents":{"type":"array","items":{"$ref":"#/components/schemas/SupportAgent"}}}},"SupportQuickReply":{"type":"object","required":["id","user_id","content","sort_order","is_active","created_at"],"properties":{"id":{"type":"integer","format":"int64"},"user_id":{"type":"string"},"content":{"type":"string"},"sort_order":{"type":"integer"},"is_active":{"type":"boolean"},"created_at":{"type":"integer","description":"Epoch seconds."}}},"SupportQuickReplyCreate":{"type":"object","required":["user_id","content"],"properties":{"user_id":{"type":"string","description":"The owner; a non-admin must name itself."},"content":{"type":"string"},"sort_order":{"description":"Default 0; null means the default.","anyOf":[{"description":"Position. Integers are also accepted as a string of digits (pydantic's lax mode).","oneOf":[{"type":"integer","minimum":-9223372036854775808,"maximum":9223372036854775807},{"type":"string","pattern":"^[ \\t\\n\\r]*[+-]?0*[0-9]{1,18}[ \\t\\n\\r]*$"}]},{"type":"null"}]}}},"SupportQuickReplyUpdate":{"type":"object","description":"Only the given (non-null) keys are written.","properties":{"content":{"type":["string","null"]},"sort_order":{"anyOf":[{"description":"Position. Integers are also accepted as a string of digits (pydantic's lax mode).","oneOf":[{"type":"integer","minimum":-9223372036854775808,"maximum":9223372036854775807},{"type":"string","pattern":"^[ \\t\\n\\r]*[+-]?0*[0-9]{1,18}[ \\t\\n\\r]*$"}]},{"type":"null"}]}}},"SupportSnoozeRequest":{"type":"object","required":["snoozed_until"],"properties":{"snoozed_until":{"type":"number","description":"Epoch seconds (may have a fraction); must be in the future."},"status":{"type":["string","null"],"enum":["open","pending","resolved","snoozed",null],"description":"Read but ignored; a value outside the set still gets 422."}}},"SupportStatusMessage":{"type":"object","required":["status","message"],"properties":{"status":{"type":"string","const":"success"},"message":{"type":"string"}}},"SupportStatusRequest":{"type":"object","required":["status"],"properties":{"status":{"type":"string","enum":["open","pending","resolved","snoozed"]},"snoozed_until":{"type":["number","null"],"description":"Epoch seconds in the future; required (non-null) when `status` is `snoozed`, ignored otherwise."}},"if":{"required":["status"],"properties":{"status":{"const":"snoozed"}}},"then":{"required":["snoozed_until"],"properties":{"snoozed_until":{"type":"number"}}}},"SupportSuccess":{"type":"object","required":["status"],"properties":{"status":{"type":"string","const":"success"}}},"SupportTransferRequest":{"type":"object","required":["assignee_id"],"properties":{"assignee_id":{"type":["string","null"],"description":"An online agent of the conversation's merchant, or null for the queue. The key is required."}}},"SupportUser":{"type":"object","required":["id","username","email","avatar","role","description","status","created_at","last_seen"],"description":"Seed 004's `UserResponse` (plus `email` and `last_seen`).","properties":{"id":{"type":"string","description":"External id, or the internal integer id in decimal."},"username":{"type":"string"},"email":{"type":["string","null"]},"avatar":{"type":["string","null"],"description":"Absolute URL (`BASE_URL` + stored path), or null."},"role":{"type":"string","enum":["user","buyer","merchant","agent","admin","auditor","guest"]},"description":{"type":["string","null"]},"status":{"type":"string","enum":["active","inactive","deleted"]},"created_at":{"type":"integer","description":"Epoch seconds."},"last_seen":{"type":["integer","null"],"description":"Epoch seconds, or null."}}},"SupportUserCreate":{"type":"object","required":["id","username","role"],"properties":{"id":{"type":"string","minLength":1,"maxLength":50,"description":"The external id."},"username":{"type":"string","minLength":1,"maxLength":100},"role":{"type":"string","enum":["user","buyer","merchant","agent","admin","auditor"]},"avatar":{"type":["string","null"],"maxLength":255,"description":"Stored path or URL."},"description":{"type":["string","null"],"maxLength":16000},"status":{"type":["string","null"],"enum":["active","inactive","deleted",null],"default":"active","description":"null means the default."}}},"SupportUserPage":{"type":"object","required":["count","results"],"properties":{"count":{"type":"integer","description":"All matching users."},"results":{"type":"array","items":{"$ref":"#/components/schemas/SupportUser"}}}},"SupportUserUpdate":{"type":"object","description":"Every key optional; only those present are written.","properties":{"username":{"type":"string","minLength":1,"maxLength":100,"description":"null is refused (422)."},"role":{"type":["string","null"],"enum":["user","buyer","merchant","agent","admin","auditor",null],"description":"null leaves it unchanged."},"avatar":{"type":["string","null"],"maxLength":255,"description":"null clears it."},"description":{"type":["string","null"],"maxLength":16000,"description":"null clears it."},"status":{"type":["string","null"],"enum":["active","inactive","deleted",null],"description":"null leaves it unchanged."}}},"SupportValidationError":{"type":"object","required":["detail","errors","path"],"description":"Seed 004's validation failure (FastAPI handler): `errors` are `<field path>: <pydantic message>` (just the message for the body itself).","properties":{"detail":{"type":"string","const":"请求参数验证失败"},"errors":{"type":"array","items":{"type":"string"},"minItems":1},"path":{"type":"string","description":"The request path."}}}}}}
        """####
}
