// Generated from the API's OpenAPI document by console/scripts/generate-client.ts. Do not edit.
// Regenerate: npm run generate:console-client

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process answers
         * @description Access: public.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: PostgreSQL, Redis and Temporal reachable (503 when any is not)
         * @description Access: public.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description All dependencies answer. The same body comes with 503 when one does not. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with username and password; returns a short-lived access token and a refresh token
         * @description Access: public.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginRequest"];
                };
            };
            responses: {
                /** @description The access token and the refresh token (body or cookie). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoginResponse"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `INVALID_CREDENTIALS`: Username or password is wrong. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `RATE_LIMITED`: Too many failed logins for this username from this address; wait and retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange the refresh token for a new access token and a new refresh token
         * @description The refresh token comes in the body or as the cookie and goes back the same way. Each is single use: the old one is dead after this call, and presenting it again ends the whole session (it was copied) — except within REFRESH_REUSE_GRACE_SECONDS while the token it was exchanged for is still unused: then the answer was lost (a reloaded tab, a dropped connection) and the exchange is made again through that successor. Two console tabs must not refresh with the same token at once.
         *
         *     Access: public.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefreshRequest"];
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RefreshResponse"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the login session: its refresh token is refused from now on, its access tokens at their next request
         * @description Identifies the session by the refresh token (body or cookie) or, failing that, by a valid bearer token. Always 204, also when the session had already ended.
         *
         *     Access: public.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LogoutRequest"];
                };
            };
            responses: {
                /** @description Logged out. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller and the roles they hold, each on a unit
         * @description Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/proxies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's out-of-office arrangements (代理): those they named and those naming them
         * @description Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            named: components["schemas"]["Proxy"][];
                            covering: components["schemas"]["Proxy"][];
                        };
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Name a deputy for a date range (代理): tasks assigned to the caller route to them, who act "代 X"
         * @description Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deputyId: string;
                        /** @description 日期 YYYY-MM-DD(北京时间) */
                        startsOn: string;
                        /** @description 日期 YYYY-MM-DD(北京时间) */
                        endsOn: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Proxy"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `TARGET_OUT_OF_REACH`: 委派, 抄送: the person named holds no role on the record's line or on the line of a unit where the caller holds one; 代理: the deputy holds none of the caller's roles. The people the pickers offer (…/candidates) are exactly those accepted. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/proxies/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 代理 people picker: colleagues the caller may name as deputy (a role on the line of a unit where the caller holds one), found by name, with their roles and units
         * @description Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Part of the name, the start of the username, or the person id; empty lists the first of everyone eligible. */
                    q?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonCandidatePage"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/proxies/{id}/actions/cancelProxy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End an out-of-office arrangement the caller named
         * @description Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Proxy"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notifications, newest first, with the unread count
         * @description Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: {
                    /** @description true: only unread; false: only read; absent: all. */
                    unread?: "true" | "false";
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPage"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of the caller's notifications are unread (the bell's badge)
         * @description Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationUnreadCount"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all of the caller's notifications read
         * @description Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationsMarked"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of the caller's notifications read
         * @description Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Holidays and make-up working days of every year the calendar knows
         * @description Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessCalendar"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's tasks: assigned to them (or to someone they deputise for today), delegated to them, or unassigned for a role they hold on the task's unit; or (view) the tasks of records copied to them (已抄送) or started by them (我发起)
         * @description Filters: process, action, subjectId (one record; needs process, else 400 VALIDATION_FAILED), unitId, overdue, status; keyset paging by due date.
         *
         *     Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Process name: project, reporting, mediation, grid. */
                    process?: string;
                    /** @description The action that completes the task, e.g. reviewApplication. */
                    action?: string;
                    /** @description Only tasks on this unit or below it. */
                    unitId?: string;
                    /** @description true: due date passed; false: not (or no due date). */
                    overdue?: "true" | "false";
                    /** @description open: by due date, the nearest first; done, cancelled: by when they were done, the latest first. */
                    status?: "open" | "done" | "cancelled";
                    /** @description Only tasks of this record (project id, case id, incident id, report id); needs `process`. */
                    subjectId?: string;
                    /** @description inbox: the caller's own work (see assignment); copied (已抄送): tasks of the records someone copied the caller on; started (我发起): tasks of the records the caller started (applied for, registered, reported, or whose 述职 cycle they started). assignment applies to inbox only. */
                    view?: "inbox" | "copied" | "started";
                    /** @description mine: assigned to the caller; claimable: unassigned, for a role the caller holds. */
                    assignment?: "all" | "mine" | "claimable";
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskPage"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/actions/batchApprove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 批量办理: take several steps their process marks batchable (e.g. finance releasing verified milestones) in one request
         * @description Each item is the process's own action with the caller as actor, checked as the process's route checks it; a refused item (its code and message in `results`) does not stop the others; a personal step (a 民主评议 vote) is refused with PERSONAL_TASK. Project: verifyMilestone, releaseFunds.
         *
         *     Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            taskId: string;
                            /**
                             * @description The step's own input (e.g. { voucherNo } for releaseFunds); what it applies to comes from the task.
                             * @default {}
                             */
                            input?: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            done: number;
                            refused: number;
                            results: {
                                taskId: string;
                                ok: boolean;
                                stage?: string;
                                code?: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One task with its delegation, comments, attachments and inbox history
         * @description Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The people picker of 转交, 委派, 加签 and 抄送: who the caller may name on this task, found by name, with the role and unit that qualify them
         * @description Only for those who may hand the task on (its holder, whoever holds its role over its unit): 404 when the caller cannot see the task, 403 NOT_TASK_HOLDER / DELEGATE_CANNOT_DECIDE, 409 ALREADY_DONE, 403 PERSONAL_TASK on a vote. transferTask offers holders of the task's role over its unit; addSigner offers people with a role on the record's unit or above or below it; delegateTask and ccTask also people on the line of a unit where the caller holds a role — never a stranger's unit. The caller and the current assignee are left out.
         *
         *     Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query: {
                    /** @description The operation the person is picked for: transferTask (the task's role over its unit), addSigner (a role on the record's unit, above or below it), delegateTask and ccTask (that, or a role on the line of a unit where the caller holds one). */
                    purpose: "transferTask" | "delegateTask" | "addSigner" | "ccTask";
                    /** @description Part of the name, the start of the username, or the person id; empty lists the first of everyone eligible. */
                    q?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonCandidatePage"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `NOT_TASK_HOLDER`: Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `PERSONAL_TASK`: Inbox: the task is personal (a 民主评议 vote): only the person named takes it; it is never transferred, delegated, copied, batch-approved or taken by a deputy. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim an unassigned task for a role the caller holds on its unit, or (代理) one their principal holds, for the principal
         * @description A deputy claims "代 X": the task becomes the principal's and the deputy acts on it as such; 403 PROXY_NOT_ACTIVE outside the arrangement's dates.
         *
         *     Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The task, now assigned to the caller (or to the person they cover for). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. `PERSONAL_TASK`: Inbox: the task is personal (a 民主评议 vote): only the person named takes it; it is never transferred, delegated, copied, batch-approved or taken by a deputy. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `TASK_ALREADY_CLAIMED`: Another person has already claimed this task. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions/transferTask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 转交: hand the task to another person who holds its role over its unit; from then on only they act on it
         * @description Allowed to the task's holder and to whoever holds its role over its unit. 404 when the caller cannot see the task, 403 NOT_TASK_HOLDER / DELEGATE_CANNOT_DECIDE, 409 ALREADY_DONE when it is not open, 409 TASK_DELEGATED while a delegate prepares it, 422 TRANSFER_TARGET_INELIGIBLE when the person named lacks the role over the unit. A step the process binds to one person (a mediation round's mediator) moves in the process too.
         *
         *     Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Person id (GET /api/admin/people, or the org tree). */
                        toPersonId: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The task, now assigned to the person named. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `NOT_TASK_HOLDER`: Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `PERSONAL_TASK`: Inbox: the task is personal (a 民主评议 vote): only the person named takes it; it is never transferred, delegated, copied, batch-approved or taken by a deputy. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. `TASK_DELEGATED`: 委派: the task is with a delegate; it must come back before it is handed on again. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `TRANSFER_TARGET_INELIGIBLE`: 转交: the person named does not hold the task's role over its unit, is inactive, or already holds it. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions/delegateTask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 委派: a colleague prepares the task (comments, attachments) and hands it back; the delegator decides
         * @description The delegate may read the record meanwhile; the process refuses their decisions with 403 DELEGATE_CANNOT_DECIDE. 422 TARGET_OUT_OF_REACH for someone the picker (…/candidates?purpose=delegateTask) would not offer.
         *
         *     Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Person id (GET /api/admin/people, or the org tree). */
                        toPersonId: string;
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `NOT_TASK_HOLDER`: Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `PERSONAL_TASK`: Inbox: the task is personal (a 民主评议 vote): only the person named takes it; it is never transferred, delegated, copied, batch-approved or taken by a deputy. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. `TASK_DELEGATED`: 委派: the task is with a delegate; it must come back before it is handed on again. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `TARGET_OUT_OF_REACH`: 委派, 抄送: the person named holds no role on the record's line or on the line of a unit where the caller holds one; 代理: the deputy holds none of the caller's roles. The people the pickers offer (…/candidates) are exactly those accepted. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions/returnDelegation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 委派: the delegate hands the task back to the delegator
         * @description Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_TASK_HOLDER`: Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions/recallStep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 撤回: take back the step the caller just took on this task, while the process has not moved since
         * @description For processes whose machine declares recallable actions (never a payment). 403 NOT_TASK_HOLDER when the caller did not take the last step, 409 RECALL_TOO_LATE once the next step acted, a timer fired, or the step may not be taken back.
         *
         *     Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            taskId: string;
                            stage: string;
                            version: number;
                            message: string;
                            recalledAction: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `NOT_TASK_HOLDER`: Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `RECALL_TOO_LATE`: 撤回: the process moved on after the step (the next step acted, a timer fired), or the step is not one that may be taken back. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions/sendBack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 退回: return the process from this open task to an earlier step the process allows, with a reason; that step opens again as a new task
         * @description Allowed to the task's holder and to whoever holds its role over its unit. The earlier step's holder is notified and the timeline shows the reason. Allowed returns — project: decideDistrictApproval → reviewApplication (区委组织部 returns the application to the street's review); grid: confirmResult → completeHandling (核查 back to 处置), completeHandling → dispatchIncident (the assignee returns it to triage); mediation: recordSession → acceptCase (a round in progress back to its acceptance: the mediator is taken off, e.g. 回避, and the unit's mediators accept it again). Each process's table and its reasons: domain/<process>/send-back-targets.ts. 422 SEND_BACK_NOT_ALLOWED for any other target (or a process without returns), 400 VALIDATION_FAILED without a reason, 409 SEND_BACK_AFTER_PAYMENT when money was already paid, 409 ALREADY_DONE when the task is closed, 403 NOT_TASK_HOLDER / DELEGATE_CANNOT_DECIDE.
         *
         *     Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The earlier step to return to, named by the action that completes it (e.g. reviewApplication, completeHandling, dispatchIncident). */
                        toAction: string;
                        /** @description 退回理由 (required): shown in the timeline and sent to whoever holds the earlier step. */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            taskId: string;
                            stage: string;
                            version: number;
                            message: string;
                            sentBackTo: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `NOT_TASK_HOLDER`: Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `TASK_DELEGATED`: 委派: the task is with a delegate; it must come back before it is handed on again. `ALREADY_DONE`: The action was already performed. `SEND_BACK_AFTER_PAYMENT`: 退回: money was already paid for this record in a way the step would undo; a money step is never undone. `SIGNERS_PENDING`: 加签: a signer added before the holder has not approved yet; the holder decides after them. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `SEND_BACK_NOT_ALLOWED`: 退回: the process does not allow this task to go back to the step named (the machine declares which earlier steps each step may return to). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions/addSigner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 加签: add a signer before the holder (they approve first) or after (they approve the holder's decision before it takes effect)
         * @description Allowed to the task's holder and to whoever holds its role over its unit (project, mediation and grid tasks). The signer gets a task of their own (action signTask) in their 待办 and may read the record. 422 SIGNER_INELIGIBLE when the person holds no role that can see the record (a grant on its unit, above or below), is inactive, is the holder or already a pending signer. While a before-signer has not acted, the holder's decision is refused with 409 SIGNERS_PENDING; with an after-signer pending, the decision is answered as held and takes effect on their approval (a rejection drops it). Returns the signer's task.
         *
         *     Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Person id (GET /api/admin/people, or the org tree). */
                        personId: string;
                        /**
                         * @description before (前加签): the signer approves first and the holder decides after them; after (后加签): the holder decides first, and the decision takes effect once the signer approved.
                         * @enum {string}
                         */
                        position: "before" | "after";
                        /** @default  */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The added signer's own task. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `NOT_TASK_HOLDER`: Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. `WRONG_STAGE`: The action is not allowed at the current stage of the process. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `SIGNER_INELIGIBLE`: 加签: the person named holds no role that can see the record, is inactive, is the holder, or is already a signer of the task. `BUSINESS_RULE`: The request breaks a business rule (the message says which). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions/removeSigner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 减签: take an added signer who has not acted yet off the task; their signer task is cancelled
         * @description On the holder's task (not the signer's). 409 SIGNER_ALREADY_ACTED once the signer approved or rejected; 404 NOT_FOUND when the person is not a signer of the task. A decision held only for this signer takes effect at once.
         *
         *     Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Person id (GET /api/admin/people, or the org tree). */
                        personId: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            taskId: string;
                            stage: string;
                            version: number;
                            message: string;
                            signerId: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `NOT_TASK_HOLDER`: Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. `SIGNER_ALREADY_ACTED`: 减签: the added signer has already approved or rejected; their decision stays on the record. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions/signTask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 加签审批: the added signer approves or rejects (with a comment) on their own signer task; recorded in the record's timeline
         * @description Only the signer named on the task. An after-signer signs once the holder has decided (409 WRONG_STAGE before); the last after-signer's approval makes the held decision take effect (released: true), a rejection drops it and the task stays with its holder. 409 ALREADY_DONE when already signed or removed.
         *
         *     Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve" | "reject";
                        /** @default  */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            taskId: string;
                            stage: string;
                            version: number;
                            message: string;
                            /** @enum {string} */
                            decision: "approve" | "reject";
                            /** @description true when the holder's decision, held for this after-signer, took effect with this approval. */
                            released: boolean;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_TASK_HOLDER`: Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `SIGNERS_PENDING`: 加签: a signer added before the holder has not approved yet; the holder decides after them. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions/ccTask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 抄送: people get a read-only notice and may read the record from then on
         * @description Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `mediator` (调解员), `grid_worker` (网格员), `finance` (财政), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        personIds: string[];
                        /** @default  */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            taskId: string;
                            copied: {
                                personId: string;
                                displayName: string;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `NOT_TASK_HOLDER`: Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers. `PERSONAL_TASK`: Inbox: the task is personal (a 民主评议 vote): only the person named takes it; it is never transferred, delegated, copied, batch-approved or taken by a deputy. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `TARGET_OUT_OF_REACH`: 委派, 抄送: the person named holds no role on the record's line or on the line of a unit where the caller holds one; 代理: the deputy holds none of the caller's roles. The people the pickers offer (…/candidates) are exactly those accepted. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions/urgeTask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 催办: remind whoever holds the task (and its delegate), at most once a day per task
         * @description Allowed to whoever sees the task, holds any role over its unit, or completed an earlier step of its record. 429 ALREADY_URGED_TODAY the second time on one (Beijing) day.
         *
         *     Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        message?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            taskId: string;
                            day: string;
                            notified: number;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `ALREADY_URGED_TODAY`: 催办: this task was already urged today (Beijing time); one reminder a day per task. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions/commentTask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a comment (意见) to an open task: its holder, its role over its unit, its delegate or a deputy
         * @description Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskComment"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_TASK_HOLDER`: Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers. `PERSONAL_TASK`: Inbox: the task is personal (a 民主评议 vote): only the person named takes it; it is never transferred, delegated, copied, batch-approved or taken by a deputy. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/actions/attachFile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach a file (base64) to an open task; size and type limits from ATTACHMENT_MAX_BYTES / ATTACHMENT_TYPES, then the virus-scan hook
         * @description Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fileName: string;
                        /** @description MIME type; one of ATTACHMENT_TYPES. */
                        contentType: string;
                        /** @description The file, base64; at most ATTACHMENT_MAX_BYTES once decoded. */
                        contentBase64: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskAttachment"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_TASK_HOLDER`: Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers. `PERSONAL_TASK`: Inbox: the task is personal (a 民主评议 vote): only the person named takes it; it is never transferred, delegated, copied, batch-approved or taken by a deputy. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `ATTACHMENT_TOO_LARGE`: The attachment is larger than ATTACHMENT_MAX_BYTES. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `ATTACHMENT_TYPE_REFUSED`: The attachment's type is not in ATTACHMENT_TYPES, or its content does not match the declared type. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `ATTACHMENT_REJECTED`: The virus scan refused the attachment. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a task's attachment (whoever may see the task)
         * @description Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    attachmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The units the caller may see: the subtrees of the units they hold roles on
         * @description Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Levels below each visible root to include. */
                    maxDepth?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgTree"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 项目列表(按阶段、街道、社区、年度、是否逾期筛选)
         * @description Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: {
                    stage?: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                    streetId?: string;
                    communityId?: string;
                    year?: number;
                    overdue?: "true" | "false";
                    /** @description 每页条数,1–200 */
                    limit?: number;
                    /** @description 跳过的条数 */
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                category: string;
                                year: number;
                                communityId: string;
                                communityName: string;
                                streetId: string;
                                /** @enum {string} */
                                stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                                stageLabel: string;
                                step: string | null;
                                budgetFen: number;
                                reservedFen: number;
                                paidFen: number;
                                rewardPaidFen: number;
                                revisionCount: number;
                                suspended: boolean;
                                nextDueAt: string | null;
                                overdue: boolean;
                                escalated: boolean;
                                /** @enum {string|null} */
                                rating: "excellent" | "good" | "pass" | "fail" | null;
                                ratingLabel: string | null;
                                pendingActions: {
                                    key: string;
                                    action: string;
                                    title: string;
                                    role: string;
                                    unitId: string;
                                    dueAt: string | null;
                                    overdue: boolean;
                                    escalated: boolean;
                                    ref: {
                                        [key: string]: string | number;
                                    };
                                }[];
                                updatedAt: string;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * 申报党建项目(社区)
         * @description Starts the project workflow (立项 → 公示 → 实施 → 验收 → 激励). The budget is checked against the community's yearly fund cap now and reserved when the street approves.
         *
         *     Access: roles `community` (社区), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 项目名称 */
                        title: string;
                        /**
                         * @description 项目类别
                         * @enum {string}
                         */
                        category: "party_education" | "community_service" | "grid_governance" | "culture" | "volunteer" | "other";
                        /** @description 项目目标 */
                        goals: string;
                        /** @description 项目总预算(分)= 各节点金额 + 尾款 */
                        budgetFen: number;
                        /**
                         * @description 尾款(分),验收合格后拨付
                         * @default 0
                         */
                        finalPaymentFen?: number;
                        /** @description 实施节点 */
                        milestones: {
                            /** @description 节点名称 */
                            title: string;
                            /** @description 节点拨付金额(分) */
                            amountFen: number;
                            /** @description 计划完成日期 */
                            dueDate: string;
                        }[];
                        /** @description 资金分担比例,缺省为配置的默认比例(市:区:街道 = 3:3:4) */
                        costSharing?: {
                            /** @description 分担方编码,如 city / district / street */
                            party: string;
                            /** @description 分担方名称,如 市级 */
                            label: string;
                            /** @description 分担比例(整数份数) */
                            weight: number;
                        }[];
                        /** @description 申报社区;只有一个社区角色时可省略 */
                        communityId?: string;
                        /** @description 资金年度,缺省为当年 */
                        year?: number;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/disbursements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 拨付申请队列(财政);status 查已拨付、已退回、已撤销的申请(最近的在前)
         * @description Access: roles `finance` (财政), `district_org` (区委组织部), `street_office` (街道办事处), `auditor` (审计/监督), within their units.
         */
        get: {
            parameters: {
                query?: {
                    status?: "requested" | "released" | "returned" | "cancelled";
                    /** @description 每页条数,1–500 */
                    limit?: number;
                    /** @description 跳过的条数 */
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                projectId: string;
                                projectTitle: string;
                                communityName: string;
                                disbursementId: string;
                                kind: string;
                                milestoneSeq: number | null;
                                attempt: number;
                                amountFen: number;
                                status: string;
                                requestedAt: string;
                                /** @description 拨付、退回或撤销的时间 */
                                decidedAt: string | null;
                                /** @description 拨付凭证号(已拨付) */
                                voucherNo: string | null;
                                /** @description 退回原因(已退回) */
                                returnReason: string | null;
                                dueAt: string | null;
                                /** @description 按资金分担比例的拨付拆分 */
                                split: {
                                    party: string;
                                    label: string;
                                    amountFen: number;
                                }[];
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 督查通报:街道季度项目情况(逾期节点、资金拨付、验收等次)
         * @description Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `auditor` (审计/监督), within their units.
         */
        get: {
            parameters: {
                query: {
                    streetId: string;
                    year: number;
                    quarter: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            streetId: string;
                            streetName: string;
                            year: number;
                            quarter: number;
                            periodStart: string;
                            periodEnd: string;
                            generatedAt: string;
                            overdueMilestones: {
                                projectId: string;
                                projectTitle: string;
                                communityName: string;
                                seq: number;
                                title: string;
                                dueDate: string;
                                status: string;
                                overdueSince: string;
                                reportedAt: string | null;
                            }[];
                            funds: {
                                releasedFen: number;
                                payments: number;
                                byKind: {
                                    [key: string]: number;
                                };
                                byParty: {
                                    party: string;
                                    label: string;
                                    amountFen: number;
                                }[];
                            };
                            ratings: {
                                counts: {
                                    [key: string]: number;
                                };
                                projects: {
                                    projectId: string;
                                    title: string;
                                    communityName: string;
                                    rating: string;
                                    ratingLabel: string;
                                    score: string | null;
                                }[];
                            };
                            projectsByStage: {
                                [key: string]: number;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 项目详情(状态、待办、台账、时间线)
         * @description Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            category: string;
                            year: number;
                            communityId: string;
                            communityName: string;
                            streetId: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            stageLabel: string;
                            step: string | null;
                            budgetFen: number;
                            reservedFen: number;
                            paidFen: number;
                            rewardPaidFen: number;
                            revisionCount: number;
                            suspended: boolean;
                            nextDueAt: string | null;
                            overdue: boolean;
                            escalated: boolean;
                            /** @enum {string|null} */
                            rating: "excellent" | "good" | "pass" | "fail" | null;
                            ratingLabel: string | null;
                            pendingActions: {
                                key: string;
                                action: string;
                                title: string;
                                role: string;
                                unitId: string;
                                dueAt: string | null;
                                overdue: boolean;
                                escalated: boolean;
                                ref: {
                                    [key: string]: string | number;
                                };
                            }[];
                            updatedAt: string;
                            /** @description 流程当前状态(以流程为准) */
                            state: {
                                [key: string]: unknown;
                            };
                            /** @description 当前用户此刻可执行的操作(及其对象,如节点序号、拨付申请编号) */
                            availableActions: {
                                action: string;
                                ref: {
                                    [key: string]: string | number;
                                };
                            }[];
                            ledger: {
                                payments: {
                                    id: string;
                                    payableKey: string;
                                    disbursementId: string;
                                    kind: string;
                                    amountFen: number;
                                    voucherNo: string;
                                    releasedAt: string;
                                    lines: {
                                        party: string;
                                        label: string;
                                        amountFen: number;
                                    }[];
                                }[];
                                totalPaidFen: number;
                                byParty: {
                                    party: string;
                                    label: string;
                                    amountFen: number;
                                }[];
                            };
                            timeline: {
                                seq: number;
                                at: string;
                                actorId: string | null;
                                actorName: string;
                                action: string;
                                label: string;
                                stage: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                /**
                                 * @description inbox: 转交、委派、抄送、催办、代理等审批操作(见 /api/tasks)
                                 * @enum {string}
                                 */
                                source?: "inbox";
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/reviewApplication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 街道审核立项申请(street_office)
         * @description Workflow update `reviewApplication`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `street_office` (街道办事处), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 通过 / 驳回 / 退回修改
                         * @enum {string}
                         */
                        decision: "approve" | "reject" | "return";
                        /** @default  */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/resubmitApplication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 修改后重新提交申请(community)
         * @description Workflow update `resubmitApplication`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `community` (社区), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        application: {
                            /** @description 项目名称 */
                            title: string;
                            /**
                             * @description 项目类别
                             * @enum {string}
                             */
                            category: "party_education" | "community_service" | "grid_governance" | "culture" | "volunteer" | "other";
                            /** @description 项目目标 */
                            goals: string;
                            /** @description 项目总预算(分)= 各节点金额 + 尾款 */
                            budgetFen: number;
                            /**
                             * @description 尾款(分),验收合格后拨付
                             * @default 0
                             */
                            finalPaymentFen?: number;
                            /** @description 实施节点 */
                            milestones: {
                                /** @description 节点名称 */
                                title: string;
                                /** @description 节点拨付金额(分) */
                                amountFen: number;
                                /** @description 计划完成日期 */
                                dueDate: string;
                            }[];
                            /** @description 资金分担比例,缺省为配置的默认比例(市:区:街道 = 3:3:4) */
                            costSharing?: {
                                /** @description 分担方编码,如 city / district / street */
                                party: string;
                                /** @description 分担方名称,如 市级 */
                                label: string;
                                /** @description 分担比例(整数份数) */
                                weight: number;
                            }[];
                        };
                        /** @default  */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/withdrawApplication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 撤回立项申请(community)
         * @description Workflow update `withdrawApplication`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `community` (社区), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/decideDistrictApproval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 区委组织部审批立项(district_org)
         * @description Workflow update `decideDistrictApproval`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `district_org` (区委组织部), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve" | "reject" | "return";
                        /** @default  */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/raiseObjection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 公示期提出异议(resident_rep / grid_worker)
         * @description Workflow update `raiseObjection`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `resident_rep` (党员/居民代表), `grid_worker` (网格员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 异议内容 */
                        content: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/answerObjection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 答复公示异议(street_office)
         * @description Workflow update `answerObjection`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `street_office` (街道办事处), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        objectionId: string;
                        answer: string;
                        /** @description 异议是否成立;成立则项目退回修改 */
                        upheld: boolean;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/reportMilestone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 报告节点完成情况(community)
         * @description Workflow update `reportMilestone`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `community` (社区), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        milestoneSeq: number;
                        summary: string;
                        /**
                         * @description 佐证材料(链接或说明)
                         * @default []
                         */
                        evidence?: string[];
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/verifyMilestone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 核验实施节点(street_office)
         * @description Workflow update `verifyMilestone`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `street_office` (街道办事处), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        milestoneSeq: number;
                        /** @enum {string} */
                        decision: "verify" | "reject";
                        /** @default  */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/releaseFunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 拨付资金(finance)
         * @description Workflow update `releaseFunds`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `finance` (财政), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disbursementId: string;
                        /** @description 拨付凭证号 */
                        voucherNo: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/returnDisbursement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 退回拨付申请(finance)
         * @description Workflow update `returnDisbursement`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `finance` (财政), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disbursementId: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/resubmitDisbursement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 重新提交拨付申请(street_office)
         * @description Workflow update `resubmitDisbursement`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `street_office` (街道办事处), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disbursementId: string;
                        /** @default  */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/requestChange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 申请项目变更(community)
         * @description Workflow update `requestChange`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `community` (社区), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        proposal: {
                            /** @description 金额,单位:分 */
                            budgetFen: number;
                            /** @description 金额,单位:分 */
                            finalPaymentFen: number;
                            milestones: {
                                /** @description 节点名称 */
                                title: string;
                                /** @description 节点拨付金额(分) */
                                amountFen: number;
                                /** @description 计划完成日期 */
                                dueDate: string;
                            }[];
                        };
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/reviewChange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 街道审核项目变更(street_office)
         * @description Workflow update `reviewChange`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `street_office` (街道办事处), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        changeId: string;
                        /** @enum {string} */
                        decision: "approve" | "reject";
                        /** @default  */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/decideChangeApproval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 区委组织部审批项目变更(district_org)
         * @description Workflow update `decideChangeApproval`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `district_org` (区委组织部), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        changeId: string;
                        /** @enum {string} */
                        decision: "approve" | "reject";
                        /** @default  */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/suspendProject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 暂停项目(street_office / district_org)
         * @description Workflow update `suspendProject`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `street_office` (街道办事处), `district_org` (区委组织部), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/resumeProject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 恢复项目(street_office / district_org)
         * @description Workflow update `resumeProject`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `street_office` (街道办事处), `district_org` (区委组织部), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/terminateProject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 终止项目(street_office / district_org)
         * @description Workflow update `terminateProject`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `street_office` (街道办事处), `district_org` (区委组织部), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/submitCompletionReport": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交结项报告(community)
         * @description Workflow update `submitCompletionReport`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `community` (社区), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        summary: string;
                        /**
                         * @description 佐证材料(链接或说明)
                         * @default []
                         */
                        evidence?: string[];
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/scoreAcceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 验收评分(street_office)
         * @description Workflow update `scoreAcceptance`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `street_office` (街道办事处), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 各评分项得分(0–100) */
                        scores: {
                            [key: string]: number;
                        };
                        /** @default  */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/submitRectification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交整改报告(community)
         * @description Workflow update `submitRectification`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `community` (社区), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        summary: string;
                        /**
                         * @description 佐证材料(链接或说明)
                         * @default []
                         */
                        evidence?: string[];
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/proposeReward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提出奖补建议(street_office)
         * @description Workflow update `proposeReward`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `street_office` (街道办事处), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 以奖代补金额(分) */
                        amountFen: number;
                        /**
                         * @description 表彰名称
                         * @default
                         */
                        recognition?: string;
                        /** @default  */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/actions/confirmReward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 确认奖补(district_org)
         * @description Workflow update `confirmReward`. Access before state: 404 for a project the caller cannot read, 403 for a wrong role or unit, then 409 WRONG_STAGE / ALREADY_DONE / CONFLICT when the project is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 FUND_CAP_EXCEEDED when an approval would reserve more than the community's yearly fund has left, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the project does not answer in time.
         *
         *     Access: roles `district_org` (区委组织部), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 项目编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "confirm" | "return";
                        /** @description 确认金额,缺省为建议金额 */
                        amountFen?: number;
                        /** @default  */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projectId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "approval" | "notice" | "implementation" | "acceptance" | "reward" | "completed" | "rejected" | "cancelled" | "terminated" | "failed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `FUND_CAP_EXCEEDED`: 党建项目: the budget is more than the community's yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 调解案件列表(辖区内;按阶段、渠道、类型、层级、结果、日期筛选,按案号/案由/当事人搜索)
         * @description Parties' phone numbers and ID numbers are masked in lists; open a case to see them if you are entitled.
         *
         *     Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: {
                    stage?: "triage" | "in_round" | "agreement" | "closed";
                    channel?: "hotline_12345" | "grid_worker" | "walk_in" | "online" | "court_referral" | "police_referral";
                    disputeType?: "neighbour" | "property_management" | "marriage_family" | "labour" | "water_leak" | "noise" | "heating" | "civil_commercial_contract" | "land_contract" | "criminal" | "administrative" | "other";
                    /** @description 当前(或最后)调解层级 */
                    level?: "community" | "street" | "district";
                    outcome?: "agreement" | "not_mediated" | "refused" | "withdrawn" | "referred_out";
                    /** @description 司法确认状态(如 confirmed:已司法确认) */
                    judicialStatus?: "open" | "applied" | "accepted" | "not_accepted" | "confirmed" | "not_confirmed" | "expired";
                    /** @description 只看该单位辖区内的案件 */
                    unitId?: string;
                    /** @description 按案号、案由或当事人姓名搜索 */
                    q?: string;
                    /** @description 登记日期起(含) */
                    from?: string;
                    /** @description 登记日期止(含) */
                    to?: string;
                    /** @description 每页条数,1–200 */
                    limit?: number;
                    /** @description 跳过的条数 */
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                caseNo: string;
                                title: string;
                                /** @enum {string} */
                                channel: "hotline_12345" | "grid_worker" | "walk_in" | "online" | "court_referral" | "police_referral";
                                channelLabel: string;
                                /** @enum {string} */
                                disputeType: "neighbour" | "property_management" | "marriage_family" | "labour" | "water_leak" | "noise" | "heating" | "civil_commercial_contract" | "land_contract" | "criminal" | "administrative" | "other";
                                disputeTypeLabel: string;
                                /** @enum {string} */
                                risk: "low" | "medium" | "high";
                                highRisk: boolean;
                                amountFen: number | null;
                                place: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                stage: "triage" | "in_round" | "agreement" | "closed";
                                stageLabel: string;
                                /** @enum {string|null} */
                                currentLevel: "community" | "street" | "district" | null;
                                /** @enum {string|null} */
                                outcome: "agreement" | "not_mediated" | "refused" | "withdrawn" | "referred_out" | null;
                                outcomeLabel: string | null;
                                /** @enum {string|null} */
                                judicialStatus: "open" | "applied" | "accepted" | "not_accepted" | "confirmed" | "not_confirmed" | "expired" | null;
                                registeredAt: string;
                                nextDueAt: string | null;
                                concludedAt: string | null;
                                /** @description false: 当事人电话、证件号码已脱敏 */
                                personalDataVisible: boolean;
                                parties: {
                                    seq: number;
                                    /** @enum {string} */
                                    role: "applicant" | "respondent";
                                    name: string;
                                    phone: string | null;
                                    idNumber: string | null;
                                    address: string | null;
                                }[];
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * 登记调解案件(多口受理)
         * @description Registers a dispute from any channel (12345 hotline, grid worker, walk-in, online, court or police referral) and starts its workflow. Triage then refers it out, or starts it at the community level, or — when the escalation risk is high — at the street or district level at once with an alert.
         *
         *     Access: roles `mediator` (调解员), `grid_worker` (网格员), `community` (社区), `street_office` (街道办事处), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 受理渠道
                         * @enum {string}
                         */
                        channel: "hotline_12345" | "grid_worker" | "walk_in" | "online" | "court_referral" | "police_referral";
                        /**
                         * @description 纠纷类型
                         * @enum {string}
                         */
                        disputeType: "neighbour" | "property_management" | "marriage_family" | "labour" | "water_leak" | "noise" | "heating" | "civil_commercial_contract" | "land_contract" | "criminal" | "administrative" | "other";
                        /** @description 案由 */
                        title: string;
                        /** @description 纠纷简要情况 */
                        description: string;
                        /**
                         * @description 激化风险
                         * @default low
                         * @enum {string}
                         */
                        risk?: "low" | "medium" | "high";
                        /**
                         * @description 繁简程度,决定每轮时限
                         * @default ordinary
                         * @enum {string}
                         */
                        complexity?: "simple" | "ordinary" | "complex";
                        /** @description 争议金额(分) */
                        amountFen?: number | null;
                        /** @description 纠纷发生地:社区或网格编号 */
                        placeUnitId: string;
                        /** @description 当事人,至少一名申请人和一名被申请人 */
                        parties: {
                            /**
                             * @description applicant 申请人 / respondent 被申请人
                             * @enum {string}
                             */
                            role: "applicant" | "respondent";
                            /** @description 姓名或单位名称 */
                            name: string;
                            /** @description 联系电话(个人信息,仅承办调解员、其上级和审计可见) */
                            phone?: string | null;
                            /** @description 身份证号码(个人信息) */
                            idNumber?: string | null;
                            /** @description 住址 */
                            address?: string | null;
                        }[];
                        /**
                         * @description 是否已由法院或仲裁机构受理
                         * @default false
                         */
                        alreadyInLitigation?: boolean;
                        /** @description 登记人认定不宜调解的理由(填写即分流移送) */
                        notSuitableReason?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            version: number;
                            message: string;
                            caseNo: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 调解统计(按单位、期间):受理渠道、纠纷类型、层级、结果、成功率、司法确认、每轮用时中位数
         * @description Cases registered in [from, to] (Beijing dates; default: the current year) whose place lies in the unit (default: the caller's highest unit with a statistics role; a community secretary reads their own community). Success rate = agreements / cases whose mediation ended (referrals excluded).
         *
         *     Access: roles `mediator` (调解员), `community` (社区), `street_office` (街道办事处), `district_org` (区委组织部), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: {
                    /** @description 统计单位(区、街道或社区);缺省为调用者可统计的最上级单位 */
                    unitId?: string;
                    /** @description 登记日期起(含);缺省为当年 1 月 1 日 */
                    from?: string;
                    /** @description 登记日期止(含);缺省为当年 12 月 31 日 */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unit: {
                                id: string;
                                name: string;
                            };
                            from: string;
                            to: string;
                            /** @description 受理案件 */
                            total: number;
                            byChannel: {
                                hotline_12345: number;
                                grid_worker: number;
                                walk_in: number;
                                online: number;
                                court_referral: number;
                                police_referral: number;
                            };
                            byType: {
                                neighbour: number;
                                property_management: number;
                                marriage_family: number;
                                labour: number;
                                water_leak: number;
                                noise: number;
                                heating: number;
                                civil_commercial_contract: number;
                                land_contract: number;
                                criminal: number;
                                administrative: number;
                                other: number;
                            };
                            byLevel: {
                                community: number;
                                street: number;
                                district: number;
                            };
                            byOutcome: {
                                agreement: number;
                                not_mediated: number;
                                refused: number;
                                withdrawn: number;
                                referred_out: number;
                                in_progress: number;
                            };
                            /** @description 成功调解 */
                            mediated: number;
                            /** @description 调解已终结 */
                            concluded: number;
                            /** @description 调解成功率(%) */
                            successRatePercent: string | null;
                            judicialConfirmations: {
                                applied: number;
                                /** @description 司法确认 */
                                confirmed: number;
                                notConfirmed: number;
                            };
                            medianRoundHours: {
                                community: number | null;
                                street: number | null;
                                district: number | null;
                            };
                            roundsEnded: {
                                community: number;
                                street: number;
                                district: number;
                            };
                            /** @description 按登记月份 */
                            byMonth: {
                                /** @description YYYY-MM */
                                month: string;
                                total: number;
                                mediated: number;
                                concluded: number;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 调解案件详情(状态、时间线、待办事项)
         * @description Personal data of the parties is shown in full only to the assigned mediators, their supervisors and auditors.
         *
         *     Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseNo: string;
                            title: string;
                            /** @enum {string} */
                            channel: "hotline_12345" | "grid_worker" | "walk_in" | "online" | "court_referral" | "police_referral";
                            channelLabel: string;
                            /** @enum {string} */
                            disputeType: "neighbour" | "property_management" | "marriage_family" | "labour" | "water_leak" | "noise" | "heating" | "civil_commercial_contract" | "land_contract" | "criminal" | "administrative" | "other";
                            disputeTypeLabel: string;
                            /** @enum {string} */
                            risk: "low" | "medium" | "high";
                            highRisk: boolean;
                            amountFen: number | null;
                            place: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            stageLabel: string;
                            /** @enum {string|null} */
                            currentLevel: "community" | "street" | "district" | null;
                            /** @enum {string|null} */
                            outcome: "agreement" | "not_mediated" | "refused" | "withdrawn" | "referred_out" | null;
                            outcomeLabel: string | null;
                            /** @enum {string|null} */
                            judicialStatus: "open" | "applied" | "accepted" | "not_accepted" | "confirmed" | "not_confirmed" | "expired" | null;
                            registeredAt: string;
                            nextDueAt: string | null;
                            concludedAt: string | null;
                            /** @description false: 当事人电话、证件号码已脱敏 */
                            personalDataVisible: boolean;
                            parties: {
                                seq: number;
                                /** @enum {string} */
                                role: "applicant" | "respondent";
                                name: string;
                                phone: string | null;
                                idNumber: string | null;
                                address: string | null;
                            }[];
                            description: string;
                            /** @enum {string} */
                            complexity: "simple" | "ordinary" | "complex";
                            targetConcludeBy: string;
                            closeReason: string | null;
                            guidance: string | null;
                            /** @description 工作流状态(轮次、调解会、协议、司法确认、回访) */
                            state: {
                                [key: string]: unknown;
                            };
                            /** @description 正在等待的办理事项 */
                            pendingActions: {
                                action: string;
                                label: string;
                                role: string;
                                unitId: string;
                                assigneeId: string | null;
                                dueAt: string | null;
                            }[];
                            /** @description 当前用户此刻可以执行的操作 */
                            availableActions: string[];
                            agreementDocument: {
                                rendered: boolean;
                                url: string;
                            } | null;
                            timeline: {
                                seq: number;
                                at: string;
                                action: string;
                                actorId: string | null;
                                actorName: string | null;
                                summary: string;
                                /**
                                 * @description inbox: 转交、委派、抄送、催办、加签、代理等审批操作(见 /api/tasks)
                                 * @enum {string}
                                 */
                                source?: "inbox";
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}/agreement-document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 人民调解协议书(HTML)
         * @description Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}/actions/assignMediator": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 指派调解员(调解员)
         * @description Workflow update `assignMediator`. Access before state: 404 for a case the caller cannot read, then 403 for a person who is not the mediator of this round's unit (or not the assigned mediator), 409 WRONG_STAGE / ALREADY_DONE when the case is not waiting for it, 422 BUSINESS_RULE / CONFIRMATION_WINDOW_CLOSED when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the case does not answer in time.
         *
         *     Access: roles `mediator` (调解员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 被指派的调解员(人员编号) */
                        mediatorId: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `CONFIRMATION_WINDOW_CLOSED`: 调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}/actions/acceptCase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 受理案件(调解员)
         * @description Workflow update `acceptCase`. Access before state: 404 for a case the caller cannot read, then 403 for a person who is not the mediator of this round's unit (or not the assigned mediator), 409 WRONG_STAGE / ALREADY_DONE when the case is not waiting for it, 422 BUSINESS_RULE / CONFIRMATION_WINDOW_CLOSED when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the case does not answer in time.
         *
         *     Access: roles `mediator` (调解员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `CONFIRMATION_WINDOW_CLOSED`: 调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}/actions/recordSession": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录调解会(调解员)
         * @description Workflow update `recordSession`. Access before state: 404 for a case the caller cannot read, then 403 for a person who is not the mediator of this round's unit (or not the assigned mediator), 409 WRONG_STAGE / ALREADY_DONE when the case is not waiting for it, 422 BUSINESS_RULE / CONFIRMATION_WINDOW_CLOSED when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the case does not answer in time.
         *
         *     Access: roles `mediator` (调解员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 调解会日期 */
                        heldOn: string;
                        /** @description 地点 */
                        place?: string | null;
                        /** @description 参加人员 */
                        participants: string[];
                        /** @description 调解情况摘要 */
                        summary: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `CONFIRMATION_WINDOW_CLOSED`: 调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}/actions/recordAgreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录调解协议(调解员)
         * @description Workflow update `recordAgreement`. Access before state: 404 for a case the caller cannot read, then 403 for a person who is not the mediator of this round's unit (or not the assigned mediator), 409 WRONG_STAGE / ALREADY_DONE when the case is not waiting for it, 422 BUSINESS_RULE / CONFIRMATION_WINDOW_CLOSED when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the case does not answer in time.
         *
         *     Access: roles `mediator` (调解员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 协议内容 */
                        terms: string;
                        /** @description 履行方式 */
                        performance: string;
                        /** @description 协议金额(分) */
                        amountFen?: number | null;
                        /** @description 履行期限 */
                        performBy?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `CONFIRMATION_WINDOW_CLOSED`: 调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}/actions/recordFailure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 调解不成,提交上一级(调解员)
         * @description Workflow update `recordFailure`. Access before state: 404 for a case the caller cannot read, then 403 for a person who is not the mediator of this round's unit (or not the assigned mediator), 409 WRONG_STAGE / ALREADY_DONE when the case is not waiting for it, 422 BUSINESS_RULE / CONFIRMATION_WINDOW_CLOSED when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the case does not answer in time.
         *
         *     Access: roles `mediator` (调解员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 调解不成的原因 */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `CONFIRMATION_WINDOW_CLOSED`: 调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}/actions/recordWithdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 当事人拒绝或撤回(调解员)
         * @description Workflow update `recordWithdrawal`. Access before state: 404 for a case the caller cannot read, then 403 for a person who is not the mediator of this round's unit (or not the assigned mediator), 409 WRONG_STAGE / ALREADY_DONE when the case is not waiting for it, 422 BUSINESS_RULE / CONFIRMATION_WINDOW_CLOSED when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the case does not answer in time.
         *
         *     Access: roles `mediator` (调解员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description refused 拒绝调解 / withdrawn 撤回申请
                         * @enum {string}
                         */
                        kind: "refused" | "withdrawn";
                        /** @description 哪一方当事人 */
                        party: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `CONFIRMATION_WINDOW_CLOSED`: 调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}/actions/applyJudicialConfirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 共同申请司法确认(调解员)
         * @description Workflow update `applyJudicialConfirmation`. Access before state: 404 for a case the caller cannot read, then 403 for a person who is not the mediator of this round's unit (or not the assigned mediator), 409 WRONG_STAGE / ALREADY_DONE when the case is not waiting for it, 422 BUSINESS_RULE / CONFIRMATION_WINDOW_CLOSED when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the case does not answer in time.
         *
         *     Access: roles `mediator` (调解员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 共同申请的当事人 */
                        applicants: string[];
                        /** @description 受理法院 */
                        court: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `CONFIRMATION_WINDOW_CLOSED`: 调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}/actions/recordCourtAcceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录法院受理情况(调解员)
         * @description Workflow update `recordCourtAcceptance`. Access before state: 404 for a case the caller cannot read, then 403 for a person who is not the mediator of this round's unit (or not the assigned mediator), 409 WRONG_STAGE / ALREADY_DONE when the case is not waiting for it, 422 BUSINESS_RULE / CONFIRMATION_WINDOW_CLOSED when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the case does not answer in time.
         *
         *     Access: roles `mediator` (调解员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accepted: boolean;
                        courtCaseNumber?: string | null;
                        reason?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `CONFIRMATION_WINDOW_CLOSED`: 调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}/actions/recordCourtDecision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录法院确认结果(调解员)
         * @description Workflow update `recordCourtDecision`. Access before state: 404 for a case the caller cannot read, then 403 for a person who is not the mediator of this round's unit (or not the assigned mediator), 409 WRONG_STAGE / ALREADY_DONE when the case is not waiting for it, 422 BUSINESS_RULE / CONFIRMATION_WINDOW_CLOSED when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the case does not answer in time.
         *
         *     Access: roles `mediator` (调解员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        confirmed: boolean;
                        /** @description 民事裁定书文号 */
                        rulingNo?: string | null;
                        reason?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `CONFIRMATION_WINDOW_CLOSED`: 调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}/actions/recordFollowUp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录回访(调解员)
         * @description Workflow update `recordFollowUp`. Access before state: 404 for a case the caller cannot read, then 403 for a person who is not the mediator of this round's unit (or not the assigned mediator), 409 WRONG_STAGE / ALREADY_DONE when the case is not waiting for it, 422 BUSINESS_RULE / CONFIRMATION_WINDOW_CLOSED when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the case does not answer in time.
         *
         *     Access: roles `mediator` (调解员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 履行情况
                         * @enum {string}
                         */
                        result: "fulfilled" | "in_progress" | "partially" | "not_fulfilled";
                        /** @description 回访记录 */
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `CONFIRMATION_WINDOW_CLOSED`: 调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mediation-cases/{id}/actions/extendPreLitigation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 双方同意延长诉前调解期限(调解员)
         * @description Workflow update `extendPreLitigation`. Access before state: 404 for a case the caller cannot read, then 403 for a person who is not the mediator of this round's unit (or not the assigned mediator), 409 WRONG_STAGE / ALREADY_DONE when the case is not waiting for it, 422 BUSINESS_RULE / CONFIRMATION_WINDOW_CLOSED when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the case does not answer in time.
         *
         *     Access: roles `mediator` (调解员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 案件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 申请人同意延长(须为 true) */
                        applicantAgreed: boolean;
                        /** @description 被申请人同意延长(须为 true) */
                        respondentAgreed: boolean;
                        /** @description 同意的方式和时间,如“双方于调解会上签字确认” */
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "in_round" | "agreement" | "closed";
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `CONFIRMATION_WINDOW_CLOSED`: 调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 网格事件列表(辖区内;按阶段、类型、紧急程度、渠道、单位、日期、是否超期筛选,按编号/标题/位置搜索)
         * @description Incidents whose place lies under the caller's units, those they reported and those dispatched to a unit they handle for. The reporter's phone is masked in lists.
         *
         *     Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: {
                    stage?: "triage" | "street_triage" | "handling" | "verifying" | "closed" | "converted";
                    type?: "environment" | "public_facility" | "safety_hazard" | "neighbour_dispute" | "illegal_construction" | "noise" | "property_management" | "other";
                    urgency?: "urgent" | "ordinary" | "minor";
                    channel?: "grid_worker" | "hotline_12345" | "walk_in" | "online";
                    /** @description 只看该单位辖区内的事件 */
                    unitId?: string;
                    /** @description 按事件编号、标题或位置搜索 */
                    q?: string;
                    /** @description 上报日期起(含) */
                    from?: string;
                    /** @description 上报日期止(含) */
                    to?: string;
                    /** @description true:只看当前步骤已超期的事件;false:只看未超期的 */
                    overdue?: "true" | "false";
                    /** @description true:只看办理中(未办结、未转人民调解)的事件;false:只看已办结或已转人民调解的 */
                    open?: "true" | "false";
                    /** @description 每页条数,1–200 */
                    limit?: number;
                    /** @description 跳过的条数 */
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                incidentNo: string;
                                title: string;
                                /** @enum {string} */
                                type: "environment" | "public_facility" | "safety_hazard" | "neighbour_dispute" | "illegal_construction" | "noise" | "property_management" | "other";
                                typeLabel: string;
                                /** @enum {string} */
                                urgency: "urgent" | "ordinary" | "minor";
                                urgencyLabel: string;
                                /** @enum {string} */
                                channel: "grid_worker" | "hotline_12345" | "walk_in" | "online";
                                channelLabel: string;
                                place: {
                                    id: string;
                                    name: string;
                                };
                                address: string;
                                /** @enum {string} */
                                stage: "triage" | "street_triage" | "handling" | "verifying" | "closed" | "converted";
                                stageLabel: string;
                                assignee: {
                                    unitId: string;
                                    department: string | null;
                                } | null;
                                /** @enum {string|null} */
                                outcome: "resolved_on_spot" | "resolved" | "resolved_unverified" | "unresolved" | "converted" | null;
                                outcomeLabel: string | null;
                                reportedAt: string;
                                /** @description 下一个到期时间(超期催办后为上报/督办时间) */
                                nextDueAt: string | null;
                                /** @description 当前步骤的办理期限(已超期时早于当前时间) */
                                stepDueAt: string | null;
                                closedAt: string | null;
                                /** @enum {string|null} */
                                satisfaction: "satisfied" | "basically_satisfied" | "dissatisfied" | null;
                                mediationCaseId: string | null;
                                /** @description false: 反映人电话已脱敏 */
                                personalDataVisible: boolean;
                                contactName: string | null;
                                contactPhone: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * 上报网格事件(网格员巡查、12345热线、来访、网上反映)
         * @description A grid worker reports an incident on their grid, or the community / street office enters one from the 12345 hotline or a visit. The place must be a grid or a community the caller covers. The workflow starts and waits for the community to triage it within GRID_TRIAGE_DAYS working days.
         *
         *     Access: roles `grid_worker` (网格员), `community` (社区), `street_office` (街道办事处), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 受理渠道:grid_worker 网格员巡查 / hotline_12345 12345热线 / walk_in 群众来访 / online 网上反映
                         * @enum {string}
                         */
                        channel: "grid_worker" | "hotline_12345" | "walk_in" | "online";
                        /**
                         * @description 事件类型
                         * @enum {string}
                         */
                        type: "environment" | "public_facility" | "safety_hazard" | "neighbour_dispute" | "illegal_construction" | "noise" | "property_management" | "other";
                        /**
                         * @description 紧急程度,决定处置时限
                         * @default ordinary
                         * @enum {string}
                         */
                        urgency?: "urgent" | "ordinary" | "minor";
                        /** @description 事件标题 */
                        title: string;
                        /** @description 事件描述 */
                        description: string;
                        /** @description 事发网格(或社区)编号 */
                        placeUnitId: string;
                        /** @description 具体位置 */
                        address: string;
                        /**
                         * @description 照片,最多9张
                         * @default []
                         */
                        photos?: string[];
                        /** @description 反映人姓名(个人信息) */
                        contactName?: string | null;
                        /** @description 反映人电话(个人信息,仅上报人、社区、街道和审计可见) */
                        contactPhone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "street_triage" | "handling" | "verifying" | "closed" | "converted";
                            version: number;
                            message: string;
                            /** @description 转人民调解时新建的调解案件编号 */
                            mediationCaseId?: string;
                            incidentNo: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 网格事件统计(按单位、期间):上报数、办结数、按时处置率、处置用时中位数、满意率,分街道、社区、网格
         * @description Incidents reported in [from, to] (Beijing dates; default: the current year) whose place lies in the unit (default: the caller's highest unit with a statistics role). On-time rate = incidents whose every handling round kept its working-day limit (on-the-spot resolutions count as on time) / incidents whose handling finished; handling days = calendar days from the report to the (last) handling, one decimal; satisfaction rate = (satisfied + basically satisfied) / rated.
         *
         *     Access: roles `community` (社区), `street_office` (街道办事处), `district_org` (区委组织部), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: {
                    /** @description 统计单位(区、街道、社区或网格);缺省为调用者可统计的最上级单位 */
                    unitId?: string;
                    /** @description 上报日期起(含);缺省为当年 1 月 1 日 */
                    from?: string;
                    /** @description 上报日期止(含);缺省为当年 12 月 31 日 */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unit: {
                                id: string;
                                name: string;
                            };
                            from: string;
                            to: string;
                            total: {
                                /** @description 上报事件 */
                                reported: number;
                                /** @description 办理中 */
                                open: number;
                                /** @description 已办结 */
                                closed: number;
                                /** @description 就地解决 */
                                resolvedOnSpot: number;
                                /** @description 转人民调解 */
                                convertedToMediation: number;
                                /** @description 已处置 */
                                handled: number;
                                /** @description 按时处置 */
                                onTime: number;
                                /** @description 按时处置率(%) */
                                onTimeRatePercent: string | null;
                                /** @description 处置用时中位数(自然日,一位小数) */
                                medianHandlingDays: number | null;
                                /** @description 已回访 */
                                rated: number;
                                satisfaction: {
                                    satisfied: number;
                                    basically_satisfied: number;
                                    dissatisfied: number;
                                };
                                /** @description 满意率(满意+基本满意,%) */
                                satisfactionRatePercent: string | null;
                            };
                            streets: {
                                /** @description 上报事件 */
                                reported: number;
                                /** @description 办理中 */
                                open: number;
                                /** @description 已办结 */
                                closed: number;
                                /** @description 就地解决 */
                                resolvedOnSpot: number;
                                /** @description 转人民调解 */
                                convertedToMediation: number;
                                /** @description 已处置 */
                                handled: number;
                                /** @description 按时处置 */
                                onTime: number;
                                /** @description 按时处置率(%) */
                                onTimeRatePercent: string | null;
                                /** @description 处置用时中位数(自然日,一位小数) */
                                medianHandlingDays: number | null;
                                /** @description 已回访 */
                                rated: number;
                                satisfaction: {
                                    satisfied: number;
                                    basically_satisfied: number;
                                    dissatisfied: number;
                                };
                                /** @description 满意率(满意+基本满意,%) */
                                satisfactionRatePercent: string | null;
                                unit: {
                                    id: string;
                                    name: string;
                                };
                            }[];
                            communities: {
                                /** @description 上报事件 */
                                reported: number;
                                /** @description 办理中 */
                                open: number;
                                /** @description 已办结 */
                                closed: number;
                                /** @description 就地解决 */
                                resolvedOnSpot: number;
                                /** @description 转人民调解 */
                                convertedToMediation: number;
                                /** @description 已处置 */
                                handled: number;
                                /** @description 按时处置 */
                                onTime: number;
                                /** @description 按时处置率(%) */
                                onTimeRatePercent: string | null;
                                /** @description 处置用时中位数(自然日,一位小数) */
                                medianHandlingDays: number | null;
                                /** @description 已回访 */
                                rated: number;
                                satisfaction: {
                                    satisfied: number;
                                    basically_satisfied: number;
                                    dissatisfied: number;
                                };
                                /** @description 满意率(满意+基本满意,%) */
                                satisfactionRatePercent: string | null;
                                unit: {
                                    id: string;
                                    name: string;
                                };
                            }[];
                            grids: {
                                /** @description 上报事件 */
                                reported: number;
                                /** @description 办理中 */
                                open: number;
                                /** @description 已办结 */
                                closed: number;
                                /** @description 就地解决 */
                                resolvedOnSpot: number;
                                /** @description 转人民调解 */
                                convertedToMediation: number;
                                /** @description 已处置 */
                                handled: number;
                                /** @description 按时处置 */
                                onTime: number;
                                /** @description 按时处置率(%) */
                                onTimeRatePercent: string | null;
                                /** @description 处置用时中位数(自然日,一位小数) */
                                medianHandlingDays: number | null;
                                /** @description 已回访 */
                                rated: number;
                                satisfaction: {
                                    satisfied: number;
                                    basically_satisfied: number;
                                    dissatisfied: number;
                                };
                                /** @description 满意率(满意+基本满意,%) */
                                satisfactionRatePercent: string | null;
                                unit: {
                                    id: string;
                                    name: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 网格事件的处置时限(新上报的事件适用)
         * @description Access: roles `grid_worker` (网格员), `community` (社区), `street_office` (街道办事处), `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GridRules"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 网格事件详情(状态、时间线、待办事项、可执行操作)
         * @description The reporter's contact is shown in full only to the reporter, the community and street over the place, and auditors.
         *
         *     Access: any logged-in person.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 事件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            incidentNo: string;
                            title: string;
                            /** @enum {string} */
                            type: "environment" | "public_facility" | "safety_hazard" | "neighbour_dispute" | "illegal_construction" | "noise" | "property_management" | "other";
                            typeLabel: string;
                            /** @enum {string} */
                            urgency: "urgent" | "ordinary" | "minor";
                            urgencyLabel: string;
                            /** @enum {string} */
                            channel: "grid_worker" | "hotline_12345" | "walk_in" | "online";
                            channelLabel: string;
                            place: {
                                id: string;
                                name: string;
                            };
                            address: string;
                            /** @enum {string} */
                            stage: "triage" | "street_triage" | "handling" | "verifying" | "closed" | "converted";
                            stageLabel: string;
                            assignee: {
                                unitId: string;
                                department: string | null;
                            } | null;
                            /** @enum {string|null} */
                            outcome: "resolved_on_spot" | "resolved" | "resolved_unverified" | "unresolved" | "converted" | null;
                            outcomeLabel: string | null;
                            reportedAt: string;
                            /** @description 下一个到期时间(超期催办后为上报/督办时间) */
                            nextDueAt: string | null;
                            /** @description 当前步骤的办理期限(已超期时早于当前时间) */
                            stepDueAt: string | null;
                            closedAt: string | null;
                            /** @enum {string|null} */
                            satisfaction: "satisfied" | "basically_satisfied" | "dissatisfied" | null;
                            mediationCaseId: string | null;
                            /** @description false: 反映人电话已脱敏 */
                            personalDataVisible: boolean;
                            contactName: string | null;
                            contactPhone: string | null;
                            description: string;
                            photos: string[];
                            /** @description 工作流状态(分拨、处置轮次、核查、满意度) */
                            state: {
                                [key: string]: unknown;
                            };
                            /** @description 正在等待的办理事项 */
                            pendingActions: {
                                action: string;
                                label: string;
                                role: string;
                                unitId: string;
                                assigneeId: string | null;
                                dueAt: string | null;
                            }[];
                            /** @description 当前用户此刻可以执行的操作 */
                            availableActions: string[];
                            timeline: {
                                seq: number;
                                at: string;
                                action: string;
                                actorId: string | null;
                                actorName: string | null;
                                summary: string;
                                /**
                                 * @description inbox: 转交、委派、抄送、催办、加签、代理等审批操作(见 /api/tasks)
                                 * @enum {string}
                                 */
                                source?: "inbox";
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传现场照片或处置照片 (JPEG, PNG or WebP, at most ATTACHMENT_MAX_BYTES), named afterwards by a report or a handling
         * @description Access: roles `grid_worker` (网格员), `community` (社区), `street_office` (街道办事处), `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fileName: string;
                        /** @description MIME type; one of ATTACHMENT_TYPES. */
                        contentType: string;
                        /** @description The file, base64; at most ATTACHMENT_MAX_BYTES once decoded. */
                        contentBase64: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GridPhoto"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `ATTACHMENT_TOO_LARGE`: The attachment is larger than ATTACHMENT_MAX_BYTES. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `ATTACHMENT_TYPE_REFUSED`: The attachment's type is not in ATTACHMENT_TYPES, or its content does not match the declared type. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `ATTACHMENT_REJECTED`: The virus scan refused the attachment. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A photo the caller uploaded, named by an incident or not yet (a form restored from its draft shows it again); 404 for anyone else
         * @description Access: roles `grid_worker` (网格员), `community` (社区), `street_office` (街道办事处), `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/*": string;
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents/{id}/photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of an incident's photos (whoever may read the incident)
         * @description Access: roles `grid_worker` (网格员), `community` (社区), `street_office` (街道办事处), `district_org` (区委组织部), `mediator` (调解员), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/*": string;
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents/{id}/actions/resolveOnSpot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 就地解决
         * @description Workflow update `resolveOnSpot`. Access before state: 404 for an incident the caller cannot read, then 403 for a person who may not take this step (the community or street for triage, the assignee's handling role for handling, the reporter or the grid's worker for checking), 409 WRONG_STAGE / ALREADY_DONE when the incident is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the incident does not answer in time.
         *
         *     Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 事件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 就地解决情况 */
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "street_triage" | "handling" | "verifying" | "closed" | "converted";
                            version: number;
                            message: string;
                            /** @description 转人民调解时新建的调解案件编号 */
                            mediationCaseId?: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents/{id}/actions/dispatchIncident": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 分拨处置
         * @description Workflow update `dispatchIncident`. Access before state: 404 for an incident the caller cannot read, then 403 for a person who may not take this step (the community or street for triage, the assignee's handling role for handling, the reporter or the grid's worker for checking), 409 WRONG_STAGE / ALREADY_DONE when the incident is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the incident does not answer in time.
         *
         *     Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 事件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 承办单位(网格、社区、街道或区)编号 */
                        unitId: string;
                        /** @description 承办部门,如“街道城管执法中队” */
                        department?: string | null;
                        /** @description 处置要求 */
                        note: string;
                        /**
                         * @description 联合核查: all (会签) — the reporter and the dispatcher must both confirm the result, one rejection decides; any (或签) — either of them decides. Absent: the reporter or the grid's worker checks.
                         * @enum {string|null}
                         */
                        verifyMode?: "all" | "any" | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "street_triage" | "handling" | "verifying" | "closed" | "converted";
                            version: number;
                            message: string;
                            /** @description 转人民调解时新建的调解案件编号 */
                            mediationCaseId?: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents/{id}/actions/convertToMediation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 转人民调解
         * @description Workflow update `convertToMediation`. Access before state: 404 for an incident the caller cannot read, then 403 for a person who may not take this step (the community or street for triage, the assignee's handling role for handling, the reporter or the grid's worker for checking), 409 WRONG_STAGE / ALREADY_DONE when the incident is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the incident does not answer in time. Registers a mediation case (as POST /api/mediation-cases would) linked to the incident, and answers its id.
         *
         *     Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 事件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 纠纷类型
                         * @enum {string}
                         */
                        disputeType: "neighbour" | "property_management" | "marriage_family" | "labour" | "water_leak" | "noise" | "heating" | "civil_commercial_contract" | "land_contract" | "criminal" | "administrative" | "other";
                        /**
                         * @description 激化风险
                         * @default low
                         * @enum {string}
                         */
                        risk?: "low" | "medium" | "high";
                        /**
                         * @description 繁简程度
                         * @default ordinary
                         * @enum {string}
                         */
                        complexity?: "simple" | "ordinary" | "complex";
                        /** @description 当事人,至少一名申请人和一名被申请人 */
                        parties: {
                            /**
                             * @description applicant 申请人 / respondent 被申请人
                             * @enum {string}
                             */
                            role: "applicant" | "respondent";
                            /** @description 姓名或单位名称 */
                            name: string;
                            /** @description 联系电话(个人信息,仅承办调解员、其上级和审计可见) */
                            phone?: string | null;
                            /** @description 身份证号码(个人信息) */
                            idNumber?: string | null;
                            /** @description 住址 */
                            address?: string | null;
                        }[];
                        /**
                         * @description 转调解说明
                         * @default
                         */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "street_triage" | "handling" | "verifying" | "closed" | "converted";
                            version: number;
                            message: string;
                            /** @description 转人民调解时新建的调解案件编号 */
                            mediationCaseId?: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents/{id}/actions/escalateToStreet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上报街道
         * @description Workflow update `escalateToStreet`. Access before state: 404 for an incident the caller cannot read, then 403 for a person who may not take this step (the community or street for triage, the assignee's handling role for handling, the reporter or the grid's worker for checking), 409 WRONG_STAGE / ALREADY_DONE when the incident is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the incident does not answer in time.
         *
         *     Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 事件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 上报街道的理由 */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "street_triage" | "handling" | "verifying" | "closed" | "converted";
                            version: number;
                            message: string;
                            /** @description 转人民调解时新建的调解案件编号 */
                            mediationCaseId?: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents/{id}/actions/completeHandling": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 反馈处置结果
         * @description Workflow update `completeHandling`. Access before state: 404 for an incident the caller cannot read, then 403 for a person who may not take this step (the community or street for triage, the assignee's handling role for handling, the reporter or the grid's worker for checking), 409 WRONG_STAGE / ALREADY_DONE when the incident is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the incident does not answer in time.
         *
         *     Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 事件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 处置结果 */
                        result: string;
                        /**
                         * @description 照片,最多9张
                         * @default []
                         */
                        photos?: string[];
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "street_triage" | "handling" | "verifying" | "closed" | "converted";
                            version: number;
                            message: string;
                            /** @description 转人民调解时新建的调解案件编号 */
                            mediationCaseId?: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents/{id}/actions/confirmResult": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 核查通过
         * @description Workflow update `confirmResult`. Access before state: 404 for an incident the caller cannot read, then 403 for a person who may not take this step (the community or street for triage, the assignee's handling role for handling, the reporter or the grid's worker for checking), 409 WRONG_STAGE / ALREADY_DONE when the incident is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the incident does not answer in time.
         *
         *     Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 事件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 核查意见
                         * @default
                         */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "street_triage" | "handling" | "verifying" | "closed" | "converted";
                            version: number;
                            message: string;
                            /** @description 转人民调解时新建的调解案件编号 */
                            mediationCaseId?: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents/{id}/actions/rejectResult": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 核查不通过,退回重办
         * @description Workflow update `rejectResult`. Access before state: 404 for an incident the caller cannot read, then 403 for a person who may not take this step (the community or street for triage, the assignee's handling role for handling, the reporter or the grid's worker for checking), 409 WRONG_STAGE / ALREADY_DONE when the incident is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the incident does not answer in time.
         *
         *     Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 事件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 核查不通过的原因 */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "street_triage" | "handling" | "verifying" | "closed" | "converted";
                            version: number;
                            message: string;
                            /** @description 转人民调解时新建的调解案件编号 */
                            mediationCaseId?: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-incidents/{id}/actions/rateSatisfaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录满意度回访
         * @description Workflow update `rateSatisfaction`. Access before state: 404 for an incident the caller cannot read, then 403 for a person who may not take this step (the community or street for triage, the assignee's handling role for handling, the reporter or the grid's worker for checking), 409 WRONG_STAGE / ALREADY_DONE when the incident is not waiting for it, 422 BUSINESS_RULE when the input breaks a rule, 422 DATA_REJECTED when the database refuses the data (nothing changed), 503 PROCESS_BUSY (Retry-After) when the incident does not answer in time.
         *
         *     Access: any logged-in person.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description 事件编号 */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 满意度
                         * @enum {string}
                         */
                        level: "satisfied" | "basically_satisfied" | "dissatisfied";
                        /**
                         * @description 回访记录
                         * @default
                         */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "triage" | "street_triage" | "handling" | "verifying" | "closed" | "converted";
                            version: number;
                            message: string;
                            /** @description 转人民调解时新建的调解案件编号 */
                            mediationCaseId?: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reporting/cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 述职周期列表
         * @description Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                unitId: string;
                                year: number;
                                trigger: string;
                                status: string;
                                communityCount: number;
                                createdAt: string;
                                completedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * 启动年度述职周期(区委组织部)
         * @description Starts one report workflow per community of the street or district for the year. A second start of the same unit and year answers 409 ALREADY_DONE; the starting request resent with its Idempotency-Key (its answer lost) gets the first answer.
         *
         *     Access: roles `district_org` (区委组织部), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 街道或区的单位编码;对其下每个社区启动本年度述职 */
                        unitId: string;
                        /** @description 述职年度 */
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Success. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cycleId: string;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reporting/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 年度自动启动设置列表
         * @description Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                unitId: string;
                                workflowId: string;
                                nextYear: number | null;
                                nextStartAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * 设置每年自动启动述职周期(区委组织部)
         * @description Starts the long-running yearly schedule of the unit (workflow reporting-yearly-<unitId>); idempotent.
         *
         *     Access: roles `district_org` (区委组织部), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 每年自动启动述职周期的街道或区 */
                        unitId: string;
                    };
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workflowId: string;
                            created: boolean;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reporting/schedules/{unitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * 取消每年自动启动述职周期(区委组织部)
         * @description Access: roles `district_org` (区委组织部), within their units.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    unitId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reporting/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 社区述职列表
         * @description Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: {
                    year?: number;
                    cycleId?: string;
                    /** @description 只看该街道的社区 */
                    streetId?: string;
                    stage?: "report" | "upward" | "downward" | "vote" | "public_notice" | "rectification" | "completed";
                    /** @description 每页条数,1–200 */
                    limit?: number;
                    /** @description 跳过的条数 */
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                cycleId: string;
                                communityId: string;
                                communityName: string;
                                streetId: string | null;
                                year: number;
                                /** @enum {string} */
                                stage: "report" | "upward" | "downward" | "vote" | "public_notice" | "rectification" | "completed";
                                stageLabel: string;
                                dueAt: string | null;
                                /** @enum {string|null} */
                                grade: "excellent" | "competent" | "basically_competent" | "incompetent" | null;
                                gradeLabel: string | null;
                                /** @description 综合得分,两位小数 */
                                combinedScore: string | null;
                                streetName: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reporting/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 年度述职评议结果(年度考核用)
         * @description Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: {
                    unitId?: string;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                reportId: string;
                                communityId: string;
                                communityName: string;
                                year: number;
                                /** @enum {string} */
                                grade: "excellent" | "competent" | "basically_competent" | "incompetent";
                                gradeLabel: string;
                                upwardScore: string | null;
                                downwardScore: string | null;
                                combinedScore: string | null;
                                reason: string;
                                tally: {
                                    [key: string]: number;
                                } | null;
                                rectificationRequired: boolean;
                                rectificationStatus: string | null;
                                final: boolean;
                                projectRatings: {
                                    [key: string]: unknown;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reporting/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 社区述职详情(状态、时间线)
         * @description Access: roles `district_org` (区委组织部), `street_office` (街道办事处), `community` (社区), `resident_rep` (党员/居民代表), `auditor` (审计/监督), `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            cycleId: string;
                            communityId: string;
                            communityName: string;
                            streetId: string | null;
                            year: number;
                            /** @enum {string} */
                            stage: "report" | "upward" | "downward" | "vote" | "public_notice" | "rectification" | "completed";
                            stageLabel: string;
                            dueAt: string | null;
                            /** @enum {string|null} */
                            grade: "excellent" | "competent" | "basically_competent" | "incompetent" | null;
                            gradeLabel: string | null;
                            /** @description 综合得分,两位小数 */
                            combinedScore: string | null;
                            state: {
                                [key: string]: unknown;
                            };
                            timeline: {
                                seq: number;
                                at: string;
                                actorId: string | null;
                                actorName: string | null;
                                action: string;
                                label: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                /**
                                 * @description inbox: 转交、委派、抄送、催办、代理等审批操作(见 /api/tasks);民主评议投票任务从不出现
                                 * @enum {string}
                                 */
                                source?: "inbox";
                            }[];
                            myVote: {
                                round: number | null;
                                onRoll: boolean;
                                voted: boolean;
                            } | null;
                            /** @description 当前阶段的可用操作 */
                            actions: ("submitReport" | "scoreUpward" | "askQuestion" | "answerQuestion" | "closeUpward" | "recordDownward" | "castVote" | "raiseObjection" | "answerObjection" | "submitRectification" | "reviewRectification")[];
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reporting/{id}/ballots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 民主评议选票明细(仅审计)
         * @description Who voted what, for auditors only and only after the round has closed. Every read is written to the audit log.
         *
         *     Access: roles `auditor` (审计/监督), within their units.
         */
        get: {
            parameters: {
                query?: {
                    round?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reportId: string;
                            round: number;
                            roll: {
                                personId: string;
                                displayName: string;
                            }[];
                            ballots: {
                                personId: string;
                                displayName: string;
                                /** @enum {string} */
                                choice: "satisfied" | "basically_satisfied" | "dissatisfied";
                                comment: string | null;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `BALLOTS_SEALED`: 民主评议: ballots and the tally stay sealed until the vote round has closed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reporting/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 述职操作:提交报告 / 评分 / 质询 / 答复 / 投票 / 异议 / 整改
         * @description Actions: `submitReport` 提交述职报告 (community); `scoreUpward` 向上述职评分 (street_office); `askQuestion` 提出质询 (street_office); `answerQuestion` 答复质询 (community); `closeUpward` 结束向上述职 (street_office); `recordDownward` 登记向下述职会议 (community); `castVote` 民主评议投票 (resident_rep); `raiseObjection` 对公示结果提出异议 (resident_rep, community, street_office, district_org); `answerObjection` 答复异议 (street_office, district_org); `submitRectification` 提交整改报告 (community); `reviewRectification` 审核整改报告 (street_office). `castVote` answers only that the ballot was received; it is refused with NOT_ON_ROLL for a representative of the community not on the roll fixed when the round opened, and with ALREADY_VOTED for a second ballot. A report the caller cannot read is 404; 503 PROCESS_BUSY (Retry-After) when the report does not answer in time; 422 DATA_REJECTED when the database refuses the data.
         *
         *     Access: roles `community` (社区), `street_office` (街道办事处), `resident_rep` (党员/居民代表), `district_org` (区委组织部), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                    action: "submitReport" | "scoreUpward" | "askQuestion" | "answerQuestion" | "closeUpward" | "recordDownward" | "castVote" | "raiseObjection" | "answerObjection" | "submitRectification" | "reviewRectification";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 述职报告正文 */
                        content: string;
                        highlights?: string | null;
                    } | {
                        score: number;
                        comment?: string | null;
                    } | {
                        /** @description 质询内容 */
                        question: string;
                    } | {
                        questionId: string;
                        answer: string;
                    } | Record<string, never> | {
                        /** @description 日期 YYYY-MM-DD(北京时间) */
                        heldOn: string;
                        attendees: number;
                        summary: string;
                    } | {
                        /**
                         * @description 满意 satisfied / 基本满意 basically_satisfied / 不满意 dissatisfied
                         * @enum {string}
                         */
                        choice: "satisfied" | "basically_satisfied" | "dissatisfied";
                        comment?: string | null;
                    } | {
                        content: string;
                    } | {
                        objectionId: string;
                        answer: string;
                        upheld: boolean;
                        /** @enum {string|null} */
                        revisedGrade?: "excellent" | "competent" | "basically_competent" | "incompetent" | null;
                    } | {
                        plan: string;
                    } | {
                        accepted: boolean;
                        comment?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reportId: string;
                            /** @description 操作名(动词,camelCase),与待办任务、时间线一致 */
                            action: string;
                            /** @enum {string} */
                            stage: "report" | "upward" | "downward" | "vote" | "public_notice" | "rectification" | "completed";
                            version: number;
                            message: string;
                            /** @description askQuestion: the new question */
                            questionId?: string;
                            /** @description raiseObjection: the new objection */
                            objectionId?: string;
                            /** @description castVote: the round the ballot counted in */
                            round?: number;
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. `DELEGATE_CANNOT_DECIDE`: 委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides. `TASK_TRANSFERRED`: 转交: the task was handed to someone else; only they (or their deputy) act on it. `PROXY_NOT_ACTIVE`: 代理: the caller is the named deputy, but today lies outside the date range of the arrangement. `PERSONAL_TASK`: Inbox: the task is personal (a 民主评议 vote): only the person named takes it; it is never transferred, delegated, copied, batch-approved or taken by a deputy. `NOT_ON_ROLL`: 民主评议: the voter is not on the roll fixed when this vote round opened. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `WRONG_STAGE`: The action is not allowed at the current stage of the process. `ALREADY_DONE`: The action was already performed. `ALREADY_VOTED`: 民主评议: the voter has already voted in this round; a ballot is never changed or repeated. `QUESTIONS_UNANSWERED`: 向上述职: the step cannot close while a 质询 is unanswered or no score was given. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `DATA_REJECTED`: The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `PROCESS_BUSY`: The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * People the administrator manages (a role on a unit in their scope), with those role grants
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: {
                    unitId?: string;
                    q?: string;
                    active?: "true" | "false";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPeoplePage"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/people/{personId}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a person a role on a unit (both inside the administrator's scope)
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    personId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["GrantRole"];
                };
            };
            responses: {
                /** @description Success. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            grantId: string;
                            person: components["schemas"]["AdminPerson"];
                        };
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/people/{personId}/grants/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a role grant (inside the administrator's scope)
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    personId: string;
                    grantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPerson"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `BUSINESS_RULE`: The request breaks a business rule (the message says which). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/people/{personId}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate an account: its sessions are revoked and its access tokens refused from the next request
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    personId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPerson"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. `BUSINESS_RULE`: The request breaks a business rule (the message says which). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/people/{personId}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a deactivated account (the person logs in again)
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    personId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPerson"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/calendar-years": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The years of the business calendar (工作日历): holidays and make-up working days (调休)
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarYears"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/calendar-years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Load or replace a year's holidays and make-up working days (district administrators)
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SaveCalendarYear"];
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarYear"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The platform clock: its mode, the current time and (virtual) the next pending deadline
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClockState"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Advance the virtual clock (CLOCK=virtual only) by days/hours or to the next deadline; answers once the processes have acted on it
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AdvanceClock"];
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClockState"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Workflows by visibility query (List Filter language), paged (district administrators)
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Temporal List Filter, passed to ListWorkflowExecutions as is, e.g. `ExecutionStatus="Running" AND WorkflowType="projectWorkflow"`; empty: every workflow. */
                    query?: string;
                    /** @description Only the workflows of business records whose title or number (案件编号, 事件编号) contains this, or, for yearly reports, whose unit's name does: the newest 200 such records, joined to `query` with AND. */
                    subject?: string;
                    pageSize?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowPage"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/workflows/{workflowId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One workflow: status, the record it runs, pending activities (attempt, last failure), pending updates, its last 50 events (district administrators)
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Default: the current run. */
                    runId?: string;
                };
                header?: never;
                path: {
                    workflowId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowDescription"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workers polling the platform's task queue and the tasks waiting for one (district administrators)
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workers"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/workflows/{workflowId}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Terminate a workflow now (no cleanup runs); audited (district administrators)
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    workflowId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WorkflowReason"];
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowOperationResult"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/workflows/{workflowId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request cancellation of a workflow (its code may clean up); audited (district administrators)
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    workflowId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WorkflowReason"];
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowOperationResult"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/workflows/{workflowId}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a workflow to a completed workflow task (default: the last one); a new run goes on from there; audited (district administrators)
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    workflowId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ResetWorkflow"];
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowOperationResult"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `ALREADY_DONE`: The action was already performed. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/workflows/{workflowId}/activities/{activityId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a failing activity again now, at attempt 1, in the same run (ResetActivity; a cluster without it gets a reset to the last completed workflow task); audited (district administrators)
         * @description Access: roles `admin` (系统管理员), within their units.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A unique value per intended action; a repeat replays the first response. */
                    "idempotency-key"?: string;
                };
                path: {
                    workflowId: string;
                    activityId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WorkflowReason"];
                };
            };
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowOperationResult"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this Idempotency-Key is still being processed; retry shortly. `CONFLICT`: The request conflicts with the current state. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: An Idempotency-Key was reused with a different request. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/fund-caps/{communityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 社区年度项目资金:上限、已占用、剩余
         * @description Access: roles `community` (社区), `street_office` (街道办事处), `district_org` (区委组织部), `finance` (财政), `auditor` (审计/监督), within their units.
         */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path: {
                    communityId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundCap"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `UNAUTHENTICATED`: No valid bearer token was sent. `TOKEN_EXPIRED`: The bearer token has expired; renew it with POST /api/auth/refresh (or log in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `FORBIDDEN_ROLE`: The caller holds no role that may do this. `FORBIDDEN_SCOPE`: The caller has the role, but not on this unit or its parents. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `NOT_FOUND`: The resource does not exist or is outside the caller's scope. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/notice-board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 公示栏:社区正在公示的党建项目和双向述职结果(无需登录)
         * @description Access: public.
         */
        get: {
            parameters: {
                query?: {
                    communityId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoticeBoard"];
                    };
                };
                /** @description `VALIDATION_FAILED`: The request body, query or path does not match its schema. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The OpenAPI 3.1 document of this API
         * @description Access: public.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OpenAPI 3.1 document. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Human-readable API documentation (HTML, works offline)
         * @description Access: public.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description HTML page. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details with a stable `code` (see the error catalogue on /api/docs). */
        Problem: {
            type: string;
            title: string;
            status: number;
            /** @enum {string} */
            code: "VALIDATION_FAILED" | "IDEMPOTENCY_KEY_REUSED" | "IDEMPOTENCY_KEY_IN_PROGRESS" | "PAYLOAD_TOO_LARGE" | "REQUEST_HEADER_FIELDS_TOO_LARGE" | "UNAUTHENTICATED" | "TOKEN_EXPIRED" | "INVALID_CREDENTIALS" | "RATE_LIMITED" | "FORBIDDEN_ROLE" | "FORBIDDEN_SCOPE" | "NOT_FOUND" | "WRONG_STAGE" | "ALREADY_DONE" | "CONFLICT" | "TASK_ALREADY_CLAIMED" | "BUSINESS_RULE" | "FUND_CAP_EXCEEDED" | "NOT_ON_ROLL" | "ALREADY_VOTED" | "QUESTIONS_UNANSWERED" | "BALLOTS_SEALED" | "CONFIRMATION_WINDOW_CLOSED" | "NOT_TASK_HOLDER" | "TRANSFER_TARGET_INELIGIBLE" | "TARGET_OUT_OF_REACH" | "TASK_TRANSFERRED" | "TASK_DELEGATED" | "DELEGATE_CANNOT_DECIDE" | "ALREADY_URGED_TODAY" | "PERSONAL_TASK" | "PROXY_NOT_ACTIVE" | "RECALL_TOO_LATE" | "SEND_BACK_NOT_ALLOWED" | "SEND_BACK_AFTER_PAYMENT" | "SIGNER_INELIGIBLE" | "SIGNER_ALREADY_ACTED" | "SIGNERS_PENDING" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_REFUSED" | "ATTACHMENT_REJECTED" | "DATA_REJECTED" | "PROCESS_BUSY" | "SERVICE_UNAVAILABLE" | "INTERNAL";
            detail: string;
            requestId?: string;
            errors?: components["schemas"]["FieldError"][];
        };
        FieldError: {
            /** @enum {string} */
            in: "body" | "query" | "params" | "headers";
            field: string;
            code: string;
            message: string;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            version: string;
            uptimeSeconds: number;
        };
        Readiness: {
            ready: boolean;
            checks: {
                postgres: {
                    ok: boolean;
                    latencyMs: number;
                    error?: string;
                };
                redis: {
                    ok: boolean;
                    latencyMs: number;
                    error?: string;
                };
                temporal: {
                    ok: boolean;
                    latencyMs: number;
                    error?: string;
                };
            };
        };
        LoginResponse: {
            accessToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /** @description Seconds until the access token expires (TOKEN_TTL_SECONDS); renew before with POST /api/auth/refresh. */
            expiresIn: number;
            /** Format: date-time */
            expiresAt: string;
            /** @description Opaque, single use: each refresh returns a new one and the old one is dead; presenting a used one again ends the session. Absent when delivered as the cookie. */
            refreshToken?: string;
            /**
             * Format: date-time
             * @description When the refresh token expires unused (REFRESH_TOKEN_TTL_SECONDS, never past the session end).
             */
            refreshExpiresAt: string;
            /**
             * Format: date-time
             * @description When the login session ends however often it is refreshed (SESSION_MAX_SECONDS).
             */
            sessionExpiresAt: string;
            person: {
                id: string;
                username: string;
                displayName: string;
            };
        };
        LoginRequest: {
            username: string;
            password: string;
            /**
             * @description Where the refresh token is delivered: `body` (API clients; keep it out of logs) or `cookie` (the web console: an HttpOnly, SameSite=Strict cookie on /api/auth, never readable by script, and then absent from the body).
             * @default body
             * @enum {string}
             */
            refreshTokenIn: "body" | "cookie";
        };
        RefreshResponse: {
            accessToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /** @description Seconds until the access token expires (TOKEN_TTL_SECONDS); renew before with POST /api/auth/refresh. */
            expiresIn: number;
            /** Format: date-time */
            expiresAt: string;
            /** @description Opaque, single use: each refresh returns a new one and the old one is dead; presenting a used one again ends the session. Absent when delivered as the cookie. */
            refreshToken?: string;
            /**
             * Format: date-time
             * @description When the refresh token expires unused (REFRESH_TOKEN_TTL_SECONDS, never past the session end).
             */
            refreshExpiresAt: string;
            /**
             * Format: date-time
             * @description When the login session ends however often it is refreshed (SESSION_MAX_SECONDS).
             */
            sessionExpiresAt: string;
        };
        RefreshRequest: {
            /** @description The current refresh token; omit when it travels as the cookie. */
            refreshToken?: string;
        };
        LogoutRequest: {
            /** @description The session's refresh token; or send the cookie, or only the bearer token. */
            refreshToken?: string;
        };
        Me: {
            person: {
                id: string;
                username: string;
                displayName: string;
                phone: string | null;
            };
            grants: {
                /** @enum {string} */
                role: "district_org" | "street_office" | "community" | "mediator" | "grid_worker" | "finance" | "resident_rep" | "auditor" | "admin";
                roleLabel: string;
                unitId: string;
                unitName: string;
                /** @enum {string} */
                unitLevel: "district" | "street" | "community" | "grid";
                unitPath: string;
            }[];
            /** @description the platform clock: shown on every page in virtual (demo) mode */
            clock: {
                /**
                 * @description wall = real time; virtual = the engine's clock, advanced by an admin
                 * @enum {string}
                 */
                mode: "wall" | "virtual";
                /** @description the platform's current time (ISO 8601) */
                now: string;
            };
        };
        Proxy: {
            id: string;
            personId: string;
            personName: string;
            deputyId: string;
            deputyName: string;
            startsOn: string;
            endsOn: string;
            reason: string;
            /** @description 今天(北京时间)在代理期间内 */
            active: boolean;
            cancelled: boolean;
        };
        /** @description Sorted by name; at most `limit`. */
        PersonCandidatePage: {
            items: components["schemas"]["PersonCandidate"][];
        };
        PersonCandidate: {
            personId: string;
            displayName: string;
            /** @description The roles and units that make the person eligible (others are left out). */
            grants: {
                /** @enum {string} */
                role: "district_org" | "street_office" | "community" | "mediator" | "grid_worker" | "finance" | "resident_rep" | "auditor" | "admin";
                roleLabel: string;
                unitId: string;
                unitName: string;
            }[];
        };
        /** @description Newest first. */
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            nextCursor: string | null;
            unreadCount: number;
        };
        Notification: {
            id: string;
            /** @description e.g. task.opened */
            kind: string;
            title: string;
            body: string;
            /** @description The API resource it is about, e.g. /api/mediation-cases/{id}. */
            link: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            readAt: string | null;
        };
        NotificationUnreadCount: {
            unreadCount: number;
        };
        NotificationsMarked: {
            marked: number;
        };
        BusinessCalendar: {
            years: {
                year: number;
                holidays: string[];
                workdays: string[];
            }[];
        };
        /** @description Sorted by due date (tasks without one last), then id. */
        TaskPage: {
            items: components["schemas"]["Task"][];
            nextCursor: string | null;
        };
        Task: {
            id: string;
            process: string;
            workflowId: string;
            subjectId: string;
            action: string;
            title: string;
            /** @enum {string} */
            role: "district_org" | "street_office" | "community" | "mediator" | "grid_worker" | "finance" | "resident_rep" | "auditor" | "admin";
            unitId: string;
            unitName: string | null;
            unitPath: string | null;
            assigneeId: string | null;
            /** Format: date-time */
            claimedAt: string | null;
            /** Format: date-time */
            dueAt: string | null;
            overdue: boolean;
            /** @enum {string} */
            status: "open" | "done" | "cancelled";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt: string | null;
            claimable: boolean;
            transferred: boolean;
            delegateId: string | null;
            onBehalfOf?: {
                personId: string;
                displayName: string;
            } | null;
        };
        TaskDetail: {
            id: string;
            process: string;
            workflowId: string;
            subjectId: string;
            action: string;
            title: string;
            /** @enum {string} */
            role: "district_org" | "street_office" | "community" | "mediator" | "grid_worker" | "finance" | "resident_rep" | "auditor" | "admin";
            unitId: string;
            unitName: string | null;
            unitPath: string | null;
            assigneeId: string | null;
            /** Format: date-time */
            claimedAt: string | null;
            /** Format: date-time */
            dueAt: string | null;
            overdue: boolean;
            /** @enum {string} */
            status: "open" | "done" | "cancelled";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt: string | null;
            claimable: boolean;
            transferred: boolean;
            delegateId: string | null;
            onBehalfOf?: {
                personId: string;
                displayName: string;
            } | null;
            delegation: {
                delegatorId: string;
                delegateId: string;
                note: string;
                /** Format: date-time */
                createdAt: string;
            } | null;
            comments: components["schemas"]["TaskComment"][];
            attachments: components["schemas"]["TaskAttachment"][];
            history: {
                /** Format: date-time */
                at: string;
                action: string;
                actorId: string;
                actorName: string;
                summary: string;
            }[];
        };
        TaskComment: {
            id: string;
            authorId: string;
            authorName: string;
            body: string;
            /** Format: date-time */
            createdAt: string;
        };
        TaskAttachment: {
            id: string;
            fileName: string;
            contentType: string;
            sizeBytes: number;
            sha256: string;
            uploadedById: string;
            /** Format: date-time */
            createdAt: string;
            url: string;
        };
        OrgTree: {
            roots: components["schemas"]["OrgNode"][];
            unitCount: number;
        };
        OrgNode: {
            id: string;
            name: string;
            /** @enum {string} */
            level: "district" | "street" | "community" | "grid";
            path: string;
            parentId: string | null;
            children: components["schemas"]["OrgNode"][];
        };
        GridRules: {
            /** @description 社区研判分拨时限(工作日) */
            triageWorkingDays: number;
            handleWorkingDays: {
                /** @description 紧急事件处置时限(工作日) */
                urgent: number;
                /** @description 一般事件处置时限(工作日) */
                ordinary: number;
                /** @description 轻微事件处置时限(工作日) */
                minor: number;
            };
            /** @description 核查时限,逾期自动办结(工作日) */
            verifyWorkingDays: number;
            /** @description 逾期后提级前的宽限(工作日) */
            overdueGraceWorkingDays: number;
            /** @description 办结后回访时限(工作日) */
            ratingWorkingDays: number;
        };
        GridPhoto: {
            /** @description What a report (photos) or a handling (completeHandling.photos) names the photo by. */
            ref: string;
            id: string;
            fileName: string;
            contentType: string;
            sizeBytes: number;
        };
        AdminPeoplePage: {
            items: components["schemas"]["AdminPerson"][];
            nextCursor: string | null;
        };
        AdminPerson: {
            id: string;
            username: string;
            displayName: string;
            phone: string | null;
            active: boolean;
            /** @description The role grants inside the administrator's scope only. */
            grants: components["schemas"]["AdminGrant"][];
        };
        AdminGrant: {
            id: string;
            /** @enum {string} */
            role: "district_org" | "street_office" | "community" | "mediator" | "grid_worker" | "finance" | "resident_rep" | "auditor" | "admin";
            roleLabel: string;
            unitId: string;
            unitName: string;
            unitPath: string;
        };
        GrantRole: {
            /** @enum {string} */
            role: "district_org" | "street_office" | "community" | "mediator" | "grid_worker" | "finance" | "resident_rep" | "auditor" | "admin";
            unitId: string;
        };
        CalendarYears: {
            years: components["schemas"]["CalendarYear"][];
            /** @description Years due to be loaded that the calendar lacks: the current year, and from November the next (the State Council's notice comes out in the autumn). Their deadlines count only weekends as days off. */
            toLoad: {
                year: number;
                current: boolean;
            }[];
        };
        CalendarYear: {
            year: number;
            holidays: string[];
            workdays: string[];
            source: string;
            /**
             * @description shipped: in the code (domain/calendar); loaded: by an administrator, replacing a shipped year.
             * @enum {string}
             */
            origin: "shipped" | "loaded";
            /** Format: date-time */
            updatedAt: string | null;
            updatedBy: string | null;
        };
        SaveCalendarYear: {
            /** @description Every day off of each announced break (放假), weekends inside a break may be listed. */
            holidays: string[];
            /** @description Weekend days that are working days (调休上班). */
            workdays: string[];
            /** @description The notice, e.g. 国办发明电〔2025〕7号. */
            source: string;
        };
        ClockState: {
            /**
             * @description wall = real time; virtual = the engine's clock, advanced by an admin
             * @enum {string}
             */
            mode: "wall" | "virtual";
            /** @description the platform's current time (ISO 8601) */
            now: string;
            /** @description virtual only: the earliest pending timer or deadline of any open process */
            nextDeadline: string | null;
            /** @description virtual only: the process that deadline belongs to, with the record it runs (what moving the clock will make happen next) */
            nextDeadlineProcess: {
                workflowId: string;
                workflowType: string;
                subject: components["schemas"]["WorkflowSubject"];
            } | null;
        };
        WorkflowSubject: {
            /** @enum {string} */
            kind: "project" | "mediation" | "grid" | "report" | "cycle" | "schedule";
            /** @description The business record's name: a project's or case's title, "芙蓉社区 2027 年度述职". */
            title: string;
            /** @description 案件编号 or 事件编号, when the process has one. */
            number: string | null;
            unitName: string | null;
            /** @description The console page of the record, when it has one. */
            path: string | null;
        } | null;
        AdvanceClock: {
            days?: number;
            hours?: number;
            /**
             * @description instead of days/hours: to the earliest pending deadline
             * @enum {string}
             */
            to?: "next-deadline";
        };
        WorkflowPage: {
            items: components["schemas"]["WorkflowExecution"][];
            nextCursor: string | null;
        };
        WorkflowExecution: {
            workflowId: string;
            runId: string;
            workflowType: string;
            /** @description Running, Completed, Failed, Canceled, Terminated, ContinuedAsNew, TimedOut */
            status: string;
            taskQueue: string;
            /** Format: date-time */
            startTime: string | null;
            /** Format: date-time */
            closeTime: string | null;
            historyLength: number;
            /** @description The project, case, incident or yearly report the workflow runs, from its read model; null when it has none. */
            subject: {
                /** @enum {string} */
                kind: "project" | "mediation" | "grid" | "report" | "cycle" | "schedule";
                /** @description The business record's name: a project's or case's title, "芙蓉社区 2027 年度述职". */
                title: string;
                /** @description 案件编号 or 事件编号, when the process has one. */
                number: string | null;
                unitName: string | null;
                /** @description The console page of the record, when it has one. */
                path: string | null;
            } | null;
        };
        WorkflowDescription: {
            execution: components["schemas"]["WorkflowExecution"];
            pendingActivities: components["schemas"]["PendingActivity"][];
            /** @description Updates accepted by the workflow and not yet completed (admitted, not yet accepted ones are not in history). */
            pendingUpdates: {
                updateId: string;
                name: string;
                acceptedEventId: number;
            }[];
            pendingWorkflowTask: {
                /** @enum {string} */
                state: "scheduled" | "started";
                attempt: number;
            } | null;
            /** @description Where a reset to "the last workflow task" goes. */
            lastWorkflowTaskCompletedEventId: number | null;
            /** @description The run's last RECENT_EVENTS (50) history events, newest first: what happened last, and the WorkflowTaskCompleted events a reset may go to. */
            recentEvents: components["schemas"]["WorkflowEvent"][];
        };
        PendingActivity: {
            activityId: string;
            activityType: string;
            /** @enum {string} */
            state: "scheduled" | "started" | "cancelRequested" | "paused" | "unknown";
            attempt: number;
            /** @description 0: unlimited. */
            maximumAttempts: number;
            lastFailure: {
                message: string;
                type: string | null;
            } | null;
            /**
             * Format: date-time
             * @description When the current attempt is (or was) due; in backoff, the next attempt.
             */
            scheduledTime: string | null;
            /** Format: date-time */
            lastStartedTime: string | null;
        };
        WorkflowEvent: {
            eventId: number;
            /** Format: date-time */
            time: string | null;
            /** @description The event type as Temporal names it without its prefix, e.g. WorkflowTaskCompleted, ActivityTaskFailed. */
            type: string;
            /** @description What the event is about, from its plain (never encoded) fields: the activity type (a local activity's too), update or signal name, marker name, timer id or workflow type. */
            name: string | null;
            /** @description MarkerRecorded: the marker's name; core_local_activity (then `name` is the local activity's type) or core_patch. */
            marker: string | null;
            /** @description The failure message of a failed activity (local ones too), workflow task or workflow; a termination's reason. */
            failure: string | null;
            /**
             * Format: date-time
             * @description TimerStarted: when the timer fires.
             */
            firesAt: string | null;
        };
        Workers: {
            taskQueue: string;
            queues: components["schemas"]["TaskQueueView"][];
            /** Format: date-time */
            checkedAt: string;
        };
        TaskQueueView: {
            /**
             * @description workflow: process steps (流程任务); activity: the work they start (活动任务).
             * @enum {string}
             */
            type: "workflow" | "activity";
            /** @description Workers that polled this queue in the last five minutes, most recent first. */
            pollers: {
                identity: string;
                /** Format: date-time */
                lastAccessAt: string | null;
            }[];
            /** @description Tasks waiting for a worker; null when the Temporal server does not report it. */
            backlog: number | null;
            /** @description How long the oldest waiting task has waited; null when none waits or it is not reported. */
            oldestWaitingSeconds: number | null;
        };
        WorkflowOperationResult: {
            workflowId: string;
            /** @description The run the action left current (a reset starts a new one). */
            runId: string;
            previousRunId: string | null;
            status: string;
            resetToEventId: number | null;
        };
        WorkflowReason: {
            /** @description Why: kept in the audit log and the workflow history. */
            reason: string;
        };
        ResetWorkflow: {
            reason: string;
            /** @description A WorkflowTaskCompleted event id of the current run; absent: the last completed workflow task. */
            eventId?: number;
        };
        FundCap: {
            communityId: string;
            communityName: string;
            year: number;
            /** @description 年度上限(分) */
            capFen: number;
            /** @description 已占用(分) */
            reservedFen: number;
            /** @description 剩余(分) */
            remainingFen: number;
        };
        NoticeBoard: {
            communities: {
                id: string;
                name: string;
                streetName: string | null;
            }[];
            community: {
                id: string;
                name: string;
            } | null;
            projects: {
                id: string;
                title: string;
                category: string;
                year: number;
                budgetFen: number;
                /** @description 首个节点计划完成日期前的申报日期 */
                periodFrom: string | null;
                /** @description 最后一个节点计划完成日期 */
                periodTo: string | null;
                noticeFrom: string | null;
                noticeTo: string | null;
            }[];
            results: {
                reportId: string;
                year: number;
                grade: string;
                gradeLabel: string;
                combinedScore: string | null;
                decidedAt: string;
                publishedUntil: string | null;
            }[];
            objectionGuide: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
