// Generated from the server by `npm run generate:api -w @karina/web`. Do not edit.
export interface paths {
    "/student/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 로그인: 학번 or admin username + password */
        post: operations["logIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/student/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 로그아웃: the token stops working */
        post: operations["logOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/student/api/auth/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 학번 조회: name + department + phone (throttled) */
        post: operations["lookUpStudentNumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/student/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Own profile (never the password hash) */
        get: operations["getProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit own contact and address */
        patch: operations["updateProfile"];
        trace?: never;
    };
    "/student/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in: the own profile, or null (200 either way, so a page can ask without an error) */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/student/api/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change own password (policy: 10+ chars, a letter and a digit) */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/student/api/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 학과 목록 (public): for the 학번 lookup and the notice boards, sorted by code */
        get: operations["listPublicDepartments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 학과 목록 */
        get: operations["listDepartments"];
        put?: never;
        /** 학과 등록: code is issued when absent; a code issued once is never reused */
        post: operations["createDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 학과 삭제: removes its posts, professors, subjects, sections and their cart/registration/wait-list rows; refused while students belong to it */
        delete: operations["deleteDepartment"];
        options?: never;
        head?: never;
        /** 학과 이름 변경 */
        patch: operations["renameDepartment"];
        trace?: never;
    };
    "/admin/api/departments/{id}/impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 학과 삭제 미리보기: what a delete would remove now, and whether students block it */
        get: operations["getDepartmentDeleteImpact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/professors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 교수 목록 (optionally of one department) */
        get: operations["listProfessors"];
        put?: never;
        /** 교수 등록 */
        post: operations["createProfessor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/professors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 교수 한 명 */
        get: operations["getProfessor"];
        put?: never;
        post?: never;
        /** 교수 삭제: their sections stay, 교수 미정 (professor null); nobody is dropped */
        delete: operations["deleteProfessor"];
        options?: never;
        head?: never;
        /** 교수 정보 변경 (name, department) */
        patch: operations["updateProfessor"];
        trace?: never;
    };
    "/admin/api/students": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 학생 목록: filter by department, year, name part or 학번 prefix */
        get: operations["listStudents"];
        put?: never;
        /** 학생 등록: 학번 issued (never reused); a generated password is returned once */
        post: operations["createStudent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/students/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 학생 명단 CSV 내보내기 (spreadsheet-safe: formula-like cells are quoted) */
        get: operations["exportStudents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/students/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 학생 한 명 */
        get: operations["getStudent"];
        put?: never;
        post?: never;
        /** 학생 삭제: seats go back (wait-lists promoted); cart, wait-list rows and sessions go too */
        delete: operations["deleteStudent"];
        options?: never;
        head?: never;
        /** 학생 정보 변경 (moving to another department keeps the 학번) */
        patch: operations["updateStudent"];
        trace?: never;
    };
    "/admin/api/students/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 학생 일괄 등록 (text/csv: name,departmentCode,entryYear,year[,tel,email,birthDate]); all rows or none */
        post: operations["importStudents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/students/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 비밀번호 초기화: a new initial password, returned once; the student is logged out everywhere */
        post: operations["resetStudentPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 교과목 목록 (optionally of one department) */
        get: operations["listSubjects"];
        put?: never;
        /** 교과목 등록: code issued when absent; a code is never reused, even after a delete */
        post: operations["createSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/subjects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 교과목 하나 */
        get: operations["getSubject"];
        put?: never;
        post?: never;
        /** 교과목 삭제: its sections and their cart/registration/wait-list rows go too */
        delete: operations["deleteSubject"];
        options?: never;
        head?: never;
        /** 교과목 변경 (credits only while nobody is enrolled) */
        patch: operations["updateSubject"];
        trace?: never;
    };
    "/admin/api/sections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 분반 목록 with enrolled / wait-listed counts (by subject or department) */
        get: operations["listSections"];
        put?: never;
        /** 분반 개설: meetings in 30-minute steps, not overlapping each other; number = next 분반 */
        post: operations["createSection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/sections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 분반 하나 */
        get: operations["getSection"];
        put?: never;
        post?: never;
        /** 분반 폐강: its cart, registration and wait-list rows go too */
        delete: operations["deleteSection"];
        options?: never;
        head?: never;
        /** 분반 변경: capacity (not below seats taken; new seats go to the wait-list), professor, meetings */
        patch: operations["updateSection"];
        trace?: never;
    };
    "/admin/api/sections/{id}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 수강생 명단 and the wait-list in order */
        get: operations["getSectionRoster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/student/api/periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 신청 기간 (public): periods that have not closed yet, by the server clock */
        get: operations["listUpcomingPeriods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 신청 기간 목록 (all, newest first) */
        get: operations["listPeriods"];
        put?: never;
        /** 신청 기간 등록 (server time decides; closesAt after opensAt) */
        post: operations["createPeriod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/periods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 신청 기간 하나 */
        get: operations["getPeriod"];
        put?: never;
        post?: never;
        /** 신청 기간 삭제 */
        delete: operations["deletePeriod"];
        options?: never;
        head?: never;
        /** 신청 기간 변경 */
        patch: operations["updatePeriod"];
        trace?: never;
    };
    "/student/api/departments/{id}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 학과 게시판 (public): newest first */
        get: operations["listDepartmentPosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/student/api/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 게시글 하나 (public) */
        get: operations["getPost"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/departments/{id}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 학과 게시글 작성 */
        post: operations["createPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 학과 게시글 삭제 */
        delete: operations["deletePost"];
        options?: never;
        head?: never;
        /** 학과 게시글 수정 */
        patch: operations["updatePost"];
        trace?: never;
    };
    "/student/api/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 수강신청 안내 / 유의사항 (public): pinned first, then newest first */
        get: operations["listNotices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/student/api/notices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 안내 하나 (public) */
        get: operations["getNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 안내 작성 */
        post: operations["createNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/notices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 안내 삭제 */
        delete: operations["deleteNotice"];
        options?: never;
        head?: never;
        /** 안내 수정 (title, body, pinned) */
        patch: operations["updateNotice"];
        trace?: never;
    };
    "/admin/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 감사 로그: every state change, newest first */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/monitor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 실시간 수강신청 현황: fill per section, registrations per second, most contested sections; one shared snapshot per 2 s */
        get: operations["getRegistrationMonitor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/sections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 개설 강좌 조회: the public catalog with live seat counts */
        get: operations["searchCatalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/sections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One section with live seat and wait-list counts and the subject description */
        get: operations["getCatalogSection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server time, for counting down to the opening (the window is enforced on the server) */
        get: operations["getServerTime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 대기열: take (or find again) your one place in line for the current registration period
         * @description One place per student per period: a refresh, a second tab or a second device gets the same ticket and place. `position` and `etaSeconds` never go up. When the waiting room is not active, answers `admitted: true` at once with a token. Students who join before the opening instant are ordered by a shuffle: ascending `sha256(seed + ":" + studentId)` as lowercase hex, where `seed` is the 64 hex digit string below and `studentId` the decimal student id (not the 학번). Before the opening only `seedHash` = sha256(seed) is published, so the order is fixed before anyone could see it; from the opening `seed` is revealed and anyone can check `sha256(seed) == seedHash` and recompute the order. Students who join after the opening are served first come, first served, behind everyone who joined before. The seed is published by GET /sugang/api/queue/fairness.
         */
        post: operations["joinQueue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/queue/fairness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The pre-opening shuffle: its seed hash before the opening, the seed from the opening
         * @description Fairness record of the waiting room. Students who join before the opening instant are ordered by a shuffle: ascending `sha256(seed + ":" + studentId)` as lowercase hex, where `seed` is the 64 hex digit string below and `studentId` the decimal student id (not the 학번). Before the opening only `seedHash` = sha256(seed) is published, so the order is fixed before anyone could see it; from the opening `seed` is revealed and anyone can check `sha256(seed) == seedHash` and recompute the order. Students who join after the opening are served first come, first served, behind everyone who joined before. Without `periodId`: the registration or add/drop period open now, else the next to open.
         */
        get: operations["getQueueFairness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/queue/{ticket}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your place in line (own ticket only); ask again after nextPollMs */
        get: operations["getQueueStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 장바구니 with conflict warnings */
        get: operations["getCart"];
        put?: never;
        /** Put a section in the cart */
        post: operations["addToCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/cart/{sectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a section from your own cart */
        delete: operations["removeFromCart"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/cart/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register every cart item; one result per item */
        post: operations["checkOutCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Own enrollments with total credits */
        get: operations["listEnrollments"];
        put?: never;
        /** 수강신청: register for a section (all rules checked atomically) */
        post: operations["registerSection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/enrollments/{sectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 수강취소: drop; the seat goes to the first eligible wait-listed student */
        delete: operations["dropSection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Own wait-list entries with positions */
        get: operations["listWaitlistEntries"];
        put?: never;
        /** Join the wait-list of a full section */
        post: operations["joinWaitlist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/waitlist/{sectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Leave a wait-list */
        delete: operations["leaveWaitlist"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sugang/api/timetable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 내 시간표: own registered sections, as JSON or an .ics calendar (?format=ics) */
        get: operations["getTimetable"];
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
        /**
         * Error
         * @description Every error: `code` is stable (UPPER_SNAKE), `message` is Korean / English for people
         */
        Error: {
            error: {
                code: string;
                message: string;
                details?: {
                    [key: string]: unknown;
                };
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    logIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        csrfToken: string;
                        /** Format: date-time */
                        expiresAt: string;
                        user: {
                            id: number;
                            username: string;
                            name: string;
                            role: "admin" | "student";
                            mustChangePassword: boolean;
                        };
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: INVALID_CREDENTIALS (Wrong username or password) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: ACCOUNT_DISABLED (This account is disabled) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after the Retry-After seconds. error.code: RATE_LIMITED (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy; retry after the Retry-After seconds. error.code: OVERLOADED (Busy, try again shortly) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    logOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: CSRF_FAILED (Missing or wrong CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    lookUpStudentNumber: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    departmentId: number;
                    phone: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        studentNo: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after the Retry-After seconds. error.code: RATE_LIMITED (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        role: "student" | "admin";
                        username: string;
                        name: string;
                        mustChangePassword: boolean;
                        studentNo?: string;
                        department?: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        entryYear?: number;
                        year?: number;
                        tel?: string | null;
                        email?: string | null;
                        birthDate?: string | null;
                        address?: {
                            postcode: string | null;
                            line1: string | null;
                            line2: string | null;
                        };
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    tel?: string | null;
                    email?: string | null;
                    birthDate?: string | null;
                    address?: {
                        postcode?: string | null;
                        line1?: string | null;
                        line2?: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        role: "student" | "admin";
                        username: string;
                        name: string;
                        mustChangePassword: boolean;
                        studentNo?: string;
                        department?: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        entryYear?: number;
                        year?: number;
                        tel?: string | null;
                        email?: string | null;
                        birthDate?: string | null;
                        address?: {
                            postcode: string | null;
                            line1: string | null;
                            line2: string | null;
                        };
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)); INVALID_TEL (tel needs 8 to 15 digits); INVALID_BIRTH_DATE (birthDate must be a real past date after 1900) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: number;
                            role: "student" | "admin";
                            username: string;
                            name: string;
                            mustChangePassword: boolean;
                            studentNo?: string;
                            department?: {
                                id: number;
                                code: string;
                                name: string;
                            };
                            entryYear?: number;
                            year?: number;
                            tel?: string | null;
                            email?: string | null;
                            birthDate?: string | null;
                            address?: {
                                postcode: string | null;
                                line1: string | null;
                                line2: string | null;
                            };
                        } | null;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)); WEAK_PASSWORD (Password does not meet the policy) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: CSRF_FAILED (Missing or wrong CSRF token); WRONG_PASSWORD (Current password is wrong) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after the Retry-After seconds. error.code: RATE_LIMITED (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Busy; retry after the Retry-After seconds. error.code: OVERLOADED (Busy, try again shortly) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPublicDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                        name: string;
                    }[];
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                        name: string;
                    }[];
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: karina-name */
                    name: string;
                    /** @description 두 자리 학과 코드 (학번의 DD) */
                    code?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                        name: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: DUPLICATE (Already exists); CODE_EXHAUSTED (No numbers left to issue) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: DEPARTMENT_NOT_EMPTY (Department still has students) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    renameDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: karina-name */
                    name: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                        name: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: DUPLICATE (Already exists) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDepartmentDeleteImpact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Department */
                        department: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        /** @description students of the department: while any remain, the delete is refused */
                        students: number;
                        professors: number;
                        subjects: number;
                        /** @description sections of the department's subjects */
                        sections: number;
                        /** @description registrations in those sections, by students of any department */
                        enrollments: number;
                        cartItems: number;
                        waitlistEntries: number;
                        /** @description notice-board posts */
                        posts: number;
                        /** @description true when students is 0 */
                        deletable: boolean;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProfessors: {
        parameters: {
            query?: {
                departmentId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        department: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        sectionCount: number;
                    }[];
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createProfessor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    departmentId: number;
                    /** Format: karina-name */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: CONFLICT (Conflicts with existing data) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProfessor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        department: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        sectionCount: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteProfessor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateProfessor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    departmentId?: number;
                    /** Format: karina-name */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        department: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        sectionCount: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: CONFLICT (Conflicts with existing data) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listStudents: {
        parameters: {
            query: {
                departmentId?: number;
                /** @description name (part) or 학번 (prefix) */
                q?: string;
                year?: number;
                page: number;
                pageSize: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            /** @description 학번: YY + DD + NNN */
                            studentNo: string;
                            name: string;
                            department: {
                                id: number;
                                code: string;
                                name: string;
                            };
                            entryYear: number;
                            year: number;
                            tel: string | null;
                            email: string | null;
                            birthDate: string | null;
                            address: {
                                postcode: string | null;
                                line1: string | null;
                                line2: string | null;
                            };
                            mustChangePassword: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        total: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createStudent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    departmentId: number;
                    /** Format: karina-name */
                    name: string;
                    /** @description From 20 years before the current year (Asia/Seoul) to the next year */
                    entryYear: number;
                    year: number;
                    password?: string;
                    /** @default true */
                    mustChangePassword?: boolean;
                    tel?: string | null;
                    email?: string | null;
                    /** @description YYYY-MM-DD */
                    birthDate?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        studentNo: string;
                        /** @description Only when the password was generated; shown this once, never stored in clear */
                        initialPassword?: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)); WEAK_PASSWORD (Password does not meet the policy); INVALID_TEL (tel needs 8 to 15 digits); INVALID_BIRTH_DATE (birthDate must be a real past date after 1900) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: CONFLICT (Conflicts with existing data); CODE_EXHAUSTED (No numbers left to issue) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportStudents: {
        parameters: {
            query?: {
                departmentId?: number;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStudent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @description 학번: YY + DD + NNN */
                        studentNo: string;
                        name: string;
                        department: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        entryYear: number;
                        year: number;
                        tel: string | null;
                        email: string | null;
                        birthDate: string | null;
                        address: {
                            postcode: string | null;
                            line1: string | null;
                            line2: string | null;
                        };
                        mustChangePassword: boolean;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteStudent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateStudent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: karina-name */
                    name?: string;
                    year?: number;
                    departmentId?: number;
                    tel?: string | null;
                    email?: string | null;
                    /** @description YYYY-MM-DD */
                    birthDate?: string | null;
                    address?: {
                        postcode?: string | null;
                        /** Format: karina-name */
                        line1?: string | null;
                        /** Format: karina-name */
                        line2?: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @description 학번: YY + DD + NNN */
                        studentNo: string;
                        name: string;
                        department: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        entryYear: number;
                        year: number;
                        tel: string | null;
                        email: string | null;
                        birthDate: string | null;
                        address: {
                            postcode: string | null;
                            line1: string | null;
                            line2: string | null;
                        };
                        mustChangePassword: boolean;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)); INVALID_TEL (tel needs 8 to 15 digits); INVALID_BIRTH_DATE (birthDate must be a real past date after 1900) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: CONFLICT (Conflicts with existing data) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importStudents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description text/csv with the header name,departmentCode,entryYear,year[,tel,email,birthDate]; at most 5,000 rows and 5 MB; entryYear from 20 years before the current year (Asia/Seoul) to the next year */
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: number;
                        rows: {
                            /** @description Line in the file; the header is line 1 */
                            row: number;
                            id: number;
                            studentNo: string;
                            initialPassword: string;
                        }[];
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: CONFLICT (Conflicts with existing data); CODE_EXHAUSTED (No numbers left to issue) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resetStudentPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Shown this once; the student must change it at the next login */
                        initialPassword: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSubjects: {
        parameters: {
            query?: {
                departmentId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                        name: string;
                        department: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        credits: number;
                        /** @description 전공필수 / 전공선택 / 교양 */
                        type: "major_required" | "major_elective" | "general";
                        targetYear: number | null;
                        description: string | null;
                        sectionCount: number;
                    }[];
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSubject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    departmentId: number;
                    /** Format: karina-name */
                    name: string;
                    credits: number;
                    /** @description 전공필수 / 전공선택 / 교양 */
                    type: "major_required" | "major_elective" | "general";
                    targetYear?: number | null;
                    /** @description Issued (C + 학과 코드 + 4 digits) when absent */
                    code?: string;
                    /** Format: karina-text */
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: DUPLICATE (Already exists); CONFLICT (Conflicts with existing data); CODE_EXHAUSTED (No numbers left to issue) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                        name: string;
                        department: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        credits: number;
                        /** @description 전공필수 / 전공선택 / 교양 */
                        type: "major_required" | "major_elective" | "general";
                        targetYear: number | null;
                        description: string | null;
                        sectionCount: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: karina-name */
                    name?: string;
                    /** Format: karina-text */
                    description?: string | null;
                    targetYear?: number | null;
                    /** @description 전공필수 / 전공선택 / 교양 */
                    type?: "major_required" | "major_elective" | "general";
                    credits?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                        name: string;
                        department: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        credits: number;
                        /** @description 전공필수 / 전공선택 / 교양 */
                        type: "major_required" | "major_elective" | "general";
                        targetYear: number | null;
                        description: string | null;
                        sectionCount: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: CREDITS_LOCKED (Credits cannot change while students are enrolled); CONFLICT (Conflicts with existing data) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSections: {
        parameters: {
            query?: {
                subjectId?: number;
                departmentId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @description 분반 number within the subject */
                        number: number;
                        subject: {
                            id: number;
                            code: string;
                            name: string;
                            credits: number;
                            type: string;
                            department: {
                                id: number;
                                code: string;
                                name: string;
                            };
                        };
                        professor: {
                            id: number;
                            name: string;
                        } | null;
                        capacity: number;
                        /** @description The seat counter */
                        taken: number;
                        /** @description Enrollment rows; equals taken */
                        enrolled: number;
                        waitlisted: number;
                        meetings: {
                            day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                            start: string;
                            end: string;
                        }[];
                    }[];
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    subjectId: number;
                    /** @description professor id, or null: 교수 미정 (to be announced) */
                    professorId: number | null;
                    capacity: number;
                    meetings: {
                        day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                        start: string;
                        end: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        number: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: CONFLICT (Conflicts with existing data) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @description 분반 number within the subject */
                        number: number;
                        subject: {
                            id: number;
                            code: string;
                            name: string;
                            credits: number;
                            type: string;
                            department: {
                                id: number;
                                code: string;
                                name: string;
                            };
                        };
                        professor: {
                            id: number;
                            name: string;
                        } | null;
                        capacity: number;
                        /** @description The seat counter */
                        taken: number;
                        /** @description Enrollment rows; equals taken */
                        enrolled: number;
                        waitlisted: number;
                        meetings: {
                            day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                            start: string;
                            end: string;
                        }[];
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    capacity?: number;
                    /** @description professor id, or null: 교수 미정 (to be announced) */
                    professorId?: number | null;
                    meetings?: {
                        day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                        start: string;
                        end: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @description 분반 number within the subject */
                        number: number;
                        subject: {
                            id: number;
                            code: string;
                            name: string;
                            credits: number;
                            type: string;
                            department: {
                                id: number;
                                code: string;
                                name: string;
                            };
                        };
                        professor: {
                            id: number;
                            name: string;
                        } | null;
                        capacity: number;
                        /** @description The seat counter */
                        taken: number;
                        /** @description Enrollment rows; equals taken */
                        enrolled: number;
                        waitlisted: number;
                        meetings: {
                            day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                            start: string;
                            end: string;
                        }[];
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: ENROLLED_TIME_CONFLICT (The new meetings overlap other sections held by enrolled students); CAPACITY_BELOW_TAKEN (Capacity cannot go below the seats taken); CONFLICT (Conflicts with existing data) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSectionRoster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** AdminSection */
                        section: {
                            id: number;
                            /** @description 분반 number within the subject */
                            number: number;
                            subject: {
                                id: number;
                                code: string;
                                name: string;
                                credits: number;
                                type: string;
                                department: {
                                    id: number;
                                    code: string;
                                    name: string;
                                };
                            };
                            professor: {
                                id: number;
                                name: string;
                            } | null;
                            capacity: number;
                            /** @description The seat counter */
                            taken: number;
                            /** @description Enrollment rows; equals taken */
                            enrolled: number;
                            waitlisted: number;
                            meetings: {
                                day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                                start: string;
                                end: string;
                            }[];
                        };
                        enrolled: {
                            studentId: number;
                            studentNo: string;
                            name: string;
                            department: {
                                id: number;
                                code: string;
                                name: string;
                            };
                            year: number;
                            /** Format: date-time */
                            enrolledAt: string;
                        }[];
                        waitlist: {
                            /** @description 1 = next to get a freed seat */
                            position: number;
                            studentId: number;
                            studentNo: string;
                            name: string;
                            department: {
                                id: number;
                                code: string;
                                name: string;
                            };
                            year: number;
                            /** Format: date-time */
                            joinedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUpcomingPeriods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        /** @description registration 수강신청 / cart 예비수강신청 / add_drop 정정 */
                        kind: "registration" | "cart" | "add_drop";
                        /** Format: date-time */
                        opensAt: string;
                        /** Format: date-time */
                        closesAt: string;
                        years: number[];
                        maxCredits: number;
                        /** @description Open now by the server clock */
                        open: boolean;
                    }[];
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPeriods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        /** @description registration 수강신청 / cart 예비수강신청 / add_drop 정정 */
                        kind: "registration" | "cart" | "add_drop";
                        /** Format: date-time */
                        opensAt: string;
                        /** Format: date-time */
                        closesAt: string;
                        years: number[];
                        maxCredits: number;
                        /** @description Open now by the server clock */
                        open: boolean;
                    }[];
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPeriod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: karina-name */
                    name: string;
                    /** @description registration 수강신청 / cart 예비수강신청 / add_drop 정정 */
                    kind: "registration" | "cart" | "add_drop";
                    /**
                     * Format: date-time
                     * @description ISO 8601 with a time zone, e.g. 2026-02-16T10:00:00+09:00
                     */
                    opensAt: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 with a time zone, e.g. 2026-02-16T10:00:00+09:00
                     */
                    closesAt: string;
                    /** @description Student years the period applies to (default all) */
                    years?: number[];
                    maxCredits: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: PERIOD_OVERLAP (Overlaps another period of the same kind for the same year) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPeriod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        /** @description registration 수강신청 / cart 예비수강신청 / add_drop 정정 */
                        kind: "registration" | "cart" | "add_drop";
                        /** Format: date-time */
                        opensAt: string;
                        /** Format: date-time */
                        closesAt: string;
                        years: number[];
                        maxCredits: number;
                        /** @description Open now by the server clock */
                        open: boolean;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePeriod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePeriod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: karina-name */
                    name?: string;
                    /** @description registration 수강신청 / cart 예비수강신청 / add_drop 정정 */
                    kind?: "registration" | "cart" | "add_drop";
                    /**
                     * Format: date-time
                     * @description ISO 8601 with a time zone, e.g. 2026-02-16T10:00:00+09:00
                     */
                    opensAt?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 with a time zone, e.g. 2026-02-16T10:00:00+09:00
                     */
                    closesAt?: string;
                    /** @description Student years the period applies to (default all) */
                    years?: number[];
                    maxCredits?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        /** @description registration 수강신청 / cart 예비수강신청 / add_drop 정정 */
                        kind: "registration" | "cart" | "add_drop";
                        /** Format: date-time */
                        opensAt: string;
                        /** Format: date-time */
                        closesAt: string;
                        years: number[];
                        maxCredits: number;
                        /** @description Open now by the server clock */
                        open: boolean;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: PERIOD_OVERLAP (Overlaps another period of the same kind for the same year) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDepartmentPosts: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            department: {
                                id: number;
                                code: string;
                                name: string;
                            };
                            title: string;
                            body: string;
                            authorName: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        total: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        department: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        title: string;
                        body: string;
                        authorName: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: karina-name */
                    title: string;
                    /** Format: karina-text */
                    body: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        department: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        title: string;
                        body: string;
                        authorName: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: CONFLICT (Conflicts with existing data) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: karina-name */
                    title?: string;
                    /** Format: karina-text */
                    body?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        department: {
                            id: number;
                            code: string;
                            name: string;
                        };
                        title: string;
                        body: string;
                        authorName: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNotices: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            title: string;
                            body: string;
                            /** @description listed above the others */
                            pinned: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        total: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        title: string;
                        body: string;
                        /** @description listed above the others */
                        pinned: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createNotice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: karina-name */
                    title: string;
                    /** Format: karina-text */
                    body: string;
                    /** @default false */
                    pinned?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        title: string;
                        body: string;
                        /** @description listed above the others */
                        pinned: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: karina-name */
                    title?: string;
                    /** Format: karina-text */
                    body?: string;
                    pinned?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        title: string;
                        body: string;
                        /** @description listed above the others */
                        pinned: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query: {
                /** @description e.g. student.delete */
                action?: string;
                actorRole?: "admin" | "student" | "system" | "anonymous";
                actorId?: number;
                /** @description e.g. section:12 */
                target?: string;
                page: number;
                pageSize: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            actorRole: "admin" | "student" | "system" | "anonymous";
                            actorId: number | null;
                            action: string;
                            target: string;
                            /** @description ok, or the error code the request ended with */
                            outcome: string;
                            requestId: string | null;
                            detail: {
                                [key: string]: unknown;
                            } | null;
                            /** Format: date-time */
                            at: string;
                        }[];
                        total: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRegistrationMonitor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description when this snapshot was computed; every admin polling within refreshMs gets the same one
                         */
                        generatedAt: string;
                        /** @description a new snapshot is computed at most this often; poll no faster */
                        refreshMs: number;
                        /** @description periods open now (server clock), every kind */
                        openPeriods: {
                            id: number;
                            name: string;
                            kind: "registration" | "cart" | "add_drop";
                            /** Format: date-time */
                            closesAt: string;
                        }[];
                        totals: {
                            sections: number;
                            capacity: number;
                            enrolled: number;
                            waitlisted: number;
                            rejections: number;
                        };
                        /** @description registrations (enrollment rows made, promotions included) per second over each window */
                        registrationsPerSecond: {
                            last10s: number;
                            last60s: number;
                        };
                        /** @description the busiest sections (enrolled + waitlisted + rejections, then fill rate), at most sectionsLimit of them */
                        sections: {
                            id: number;
                            /** @description 분반 number within the subject */
                            number: number;
                            subject: {
                                id: number;
                                code: string;
                                name: string;
                            };
                            capacity: number;
                            enrolled: number;
                            waitlisted: number;
                            /** @description SECTION_FULL answers so far (see rejectionsSource) */
                            rejections: number;
                            /** @description enrolled / capacity (0 when capacity is 0) */
                            fillRate: number;
                        }[];
                        sectionsLimit: number;
                        /** @description true when more sections exist than the list holds */
                        sectionsTruncated: boolean;
                        /** @description up to 10 sections with a wait-list or rejections: longest wait-list first, then most rejections */
                        contested: {
                            id: number;
                            /** @description 분반 number within the subject */
                            number: number;
                            subject: {
                                id: number;
                                code: string;
                                name: string;
                            };
                            capacity: number;
                            enrolled: number;
                            waitlisted: number;
                            /** @description SECTION_FULL answers so far (see rejectionsSource) */
                            rejections: number;
                            /** @description enrolled / capacity (0 when capacity is 0) */
                            fillRate: number;
                        }[];
                        /** @description shared: counted by every process through Redis (KARINA_REDIS_URL); process: only what this process refused, since it started */
                        rejectionsSource: "shared" | "process";
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    searchCatalog: {
        parameters: {
            query?: {
                /** @description department id */
                department?: number;
                /** @description two-digit department code, e.g. "07" */
                departmentCode?: string;
                /** @description case-insensitive substring of subject name, subject code or professor name */
                q?: string;
                day?: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                /** @description subject target year */
                year?: number;
                type?: "major_required" | "major_elective" | "general";
                credits?: number;
                /** @description case-insensitive substring of the professor's name */
                professor?: string;
                /** @description time range [from, until), "HH:MM" in 30-minute steps: only sections that have meetings, every one starting at or after from */
                from?: string;
                /** @description time range end: every meeting ends by until; with from, until must be later */
                until?: string;
                /** @description code (default: subject code, then 분반 number), subject name, credits, professor name (교수 미정 last), seats available or seats taken; ties fall back to code then 분반 */
                sort?: "code" | "name" | "credits" | "professor" | "available" | "enrolled";
                order?: "asc" | "desc";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            /** @description 분반 number within the subject */
                            number: number;
                            subject: {
                                id: number;
                                code: string;
                                name: string;
                                credits: number;
                                type: "major_required" | "major_elective" | "general";
                                targetYear: number | null;
                                department: {
                                    id: number;
                                    code: string;
                                    name: string;
                                };
                            };
                            /** @description null = 교수 미정 (to be announced) */
                            professor: {
                                id: number;
                                name: string;
                            } | null;
                            capacity: number;
                            /** @description seats taken now */
                            enrolled: number;
                            /** @description students on the wait-list now */
                            waitlisted: number;
                            /** @description capacity - enrolled, never below 0 */
                            available: number;
                            meetings: {
                                day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                                start: string;
                                end: string;
                            }[];
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCatalogSection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @description 분반 number within the subject */
                        number: number;
                        subject: {
                            id: number;
                            code: string;
                            name: string;
                            credits: number;
                            type: "major_required" | "major_elective" | "general";
                            targetYear: number | null;
                            department: {
                                id: number;
                                code: string;
                                name: string;
                            };
                            /** @description 교과목 설명; null when none */
                            description: string | null;
                        };
                        /** @description null = 교수 미정 (to be announced) */
                        professor: {
                            id: number;
                            name: string;
                        } | null;
                        capacity: number;
                        /** @description seats taken now */
                        enrolled: number;
                        /** @description students on the wait-list now */
                        waitlisted: number;
                        /** @description capacity - enrolled, never below 0 */
                        available: number;
                        meetings: {
                            day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                            start: string;
                            end: string;
                        }[];
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getServerTime: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        now: string;
                        epochMs: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    joinQueue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Your place; the same one on every POST in this period */
                        ticket: string;
                        /** @description 1-based place among those still waiting (0 once admitted); never goes up */
                        position: number;
                        /** @description Estimated wait, from the measured admission rate; never goes up */
                        etaSeconds: number;
                        admitted: boolean;
                        /** @description Present once admitted: send it as X-Admission-Token on registration changes */
                        admissionToken?: string;
                        /** @description Ask again (GET /sugang/api/queue/{ticket}) after this long: 1-30 s, growing with the position, shorter near the ETA */
                        nextPollMs: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first); REGISTRATION_CLOSED (Registration is closed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getQueueFairness: {
        parameters: {
            query?: {
                periodId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        periodId: number;
                        /** @description sha256 (hex) of the seed, published before the opening */
                        seedHash: string;
                        /** @description The seed (64 hex digits), null until the opening */
                        seed: string | null;
                        /** @description The opening instant, once it has passed */
                        revealedAt: string | null;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getQueueStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Your place; the same one on every POST in this period */
                        ticket: string;
                        /** @description 1-based place among those still waiting (0 once admitted); never goes up */
                        position: number;
                        /** @description Estimated wait, from the measured admission rate; never goes up */
                        etaSeconds: number;
                        admitted: boolean;
                        /** @description Present once admitted: send it as X-Admission-Token on registration changes */
                        admissionToken?: string;
                        /** @description Ask again (GET /sugang/api/queue/{ticket}) after this long: 1-30 s, growing with the position, shorter near the ETA */
                        nextPollMs: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            sectionId: number;
                            sectionNumber: number;
                            subject: {
                                id: number;
                                code: string;
                                name: string;
                                type: string;
                            };
                            credits: number;
                            professor: {
                                id: number;
                                name: string;
                            } | null;
                            capacity: number;
                            enrolled: number;
                            meetings: {
                                day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                                start: string;
                                end: string;
                            }[];
                            /** Format: date-time */
                            addedAt: string;
                            warnings: {
                                /** @description ALREADY_ENROLLED | SAME_SUBJECT | TIME_CONFLICT | CREDIT_LIMIT | SECTION_FULL */
                                code: string;
                                message: string;
                                sectionId?: number;
                            }[];
                        }[];
                        totalCredits: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addToCart: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeats with the same key within 24 hours replay the first outcome (1-128 of A-Z a-z 0-9 . _ : -) */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sectionId: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Present when this is the stored outcome of an earlier request with the same Idempotency-Key */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sectionId: number;
                        sectionNumber: number;
                        subject: {
                            id: number;
                            code: string;
                            name: string;
                            type: string;
                        };
                        credits: number;
                        professor: {
                            id: number;
                            name: string;
                        } | null;
                        capacity: number;
                        enrolled: number;
                        meetings: {
                            day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                            start: string;
                            end: string;
                        }[];
                        /** Format: date-time */
                        addedAt: string;
                        warnings: {
                            /** @description ALREADY_ENROLLED | SAME_SUBJECT | TIME_CONFLICT | CREDIT_LIMIT | SECTION_FULL */
                            code: string;
                            message: string;
                            sectionId?: number;
                        }[];
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first); REGISTRATION_CLOSED (Registration is closed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: ALREADY_IN_CART (Already in the cart); CART_FULL (The cart is full) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was already used for a different request. error.code: IDEMPOTENCY_KEY_REUSED (Idempotency-Key reused for another request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeFromCart: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeats with the same key within 24 hours replay the first outcome (1-128 of A-Z a-z 0-9 . _ : -) */
                "idempotency-key"?: string;
            };
            path: {
                sectionId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    /** @description Present when this is the stored outcome of an earlier request with the same Idempotency-Key */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found); NOT_IN_CART (Not in the cart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was already used for a different request. error.code: IDEMPOTENCY_KEY_REUSED (Idempotency-Key reused for another request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    checkOutCart: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeats with the same key within 24 hours replay the first outcome (1-128 of A-Z a-z 0-9 . _ : -) */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never> | null;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Present when this is the stored outcome of an earlier request with the same Idempotency-Key */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            sectionId: number;
                            ok: boolean;
                            enrollment?: {
                                sectionId: number;
                                sectionNumber: number;
                                subject: {
                                    id: number;
                                    code: string;
                                    name: string;
                                    type: string;
                                };
                                credits: number;
                                professor: {
                                    id: number;
                                    name: string;
                                } | null;
                                meetings: {
                                    day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                                    start: string;
                                    end: string;
                                }[];
                                /** Format: date-time */
                                enrolledAt: string;
                            };
                            error?: {
                                code: string;
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                            };
                        }[];
                        enrolled: number;
                        failed: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first); ADMISSION_REQUIRED (Admission required: wait your turn in the queue) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was already used for a different request. error.code: IDEMPOTENCY_KEY_REUSED (Idempotency-Key reused for another request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEnrollments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            sectionId: number;
                            sectionNumber: number;
                            subject: {
                                id: number;
                                code: string;
                                name: string;
                                type: string;
                            };
                            credits: number;
                            professor: {
                                id: number;
                                name: string;
                            } | null;
                            meetings: {
                                day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                                start: string;
                                end: string;
                            }[];
                            /** Format: date-time */
                            enrolledAt: string;
                        }[];
                        totalCredits: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    registerSection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeats with the same key within 24 hours replay the first outcome (1-128 of A-Z a-z 0-9 . _ : -) */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sectionId: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Present when this is the stored outcome of an earlier request with the same Idempotency-Key */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enrollment: {
                            sectionId: number;
                            sectionNumber: number;
                            subject: {
                                id: number;
                                code: string;
                                name: string;
                                type: string;
                            };
                            credits: number;
                            professor: {
                                id: number;
                                name: string;
                            } | null;
                            meetings: {
                                day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                                start: string;
                                end: string;
                            }[];
                            /** Format: date-time */
                            enrolledAt: string;
                        };
                        totalCredits: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first); ADMISSION_REQUIRED (Admission required: wait your turn in the queue); REGISTRATION_CLOSED (Registration is closed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: ALREADY_ENROLLED (Already enrolled in this section); SAME_SUBJECT (Already enrolled in another section of this subject); TIME_CONFLICT (Time conflict); CREDIT_LIMIT (Credit limit exceeded); SECTION_FULL (Section is full) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was already used for a different request. error.code: IDEMPOTENCY_KEY_REUSED (Idempotency-Key reused for another request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    dropSection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeats with the same key within 24 hours replay the first outcome (1-128 of A-Z a-z 0-9 . _ : -) */
                "idempotency-key"?: string;
            };
            path: {
                sectionId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    /** @description Present when this is the stored outcome of an earlier request with the same Idempotency-Key */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first); ADMISSION_REQUIRED (Admission required: wait your turn in the queue); REGISTRATION_CLOSED (Registration is closed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found); NOT_ENROLLED (Not enrolled in this section) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was already used for a different request. error.code: IDEMPOTENCY_KEY_REUSED (Idempotency-Key reused for another request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWaitlistEntries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            sectionId: number;
                            sectionNumber: number;
                            subjectCode: string;
                            subjectName: string;
                            position: number;
                            /** Format: date-time */
                            joinedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    joinWaitlist: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeats with the same key within 24 hours replay the first outcome (1-128 of A-Z a-z 0-9 . _ : -) */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sectionId: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Present when this is the stored outcome of an earlier request with the same Idempotency-Key */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sectionId: number;
                        position: number;
                    };
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first); ADMISSION_REQUIRED (Admission required: wait your turn in the queue); REGISTRATION_CLOSED (Registration is closed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused by a rule or by existing data. error.code: ALREADY_ENROLLED (Already enrolled in this section); SAME_SUBJECT (Already enrolled in another section of this subject); TIME_CONFLICT (Time conflict); CREDIT_LIMIT (Credit limit exceeded); SEATS_AVAILABLE (Seats are free: register instead); ALREADY_WAITLISTED (Already on the wait-list) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was already used for a different request. error.code: IDEMPOTENCY_KEY_REUSED (Idempotency-Key reused for another request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    leaveWaitlist: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeats with the same key within 24 hours replay the first outcome (1-128 of A-Z a-z 0-9 . _ : -) */
                "idempotency-key"?: string;
            };
            path: {
                sectionId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    /** @description Present when this is the stored outcome of an earlier request with the same Idempotency-Key */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input); INVALID_JSON (Malformed JSON body); JSON_TOO_DEEP (JSON body is nested too deeply); INVALID_TEXT (Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); CSRF_FAILED (Missing or wrong CSRF token); PASSWORD_CHANGE_REQUIRED (Change your password first); ADMISSION_REQUIRED (Admission required: wait your turn in the queue) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found. error.code: NOT_FOUND (Not found); NOT_WAITLISTED (Not on the wait-list) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large. error.code: PAYLOAD_TOO_LARGE (Request body too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not accepted. error.code: UNSUPPORTED_MEDIA_TYPE (Unsupported content type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was already used for a different request. error.code: IDEMPOTENCY_KEY_REUSED (Idempotency-Key reused for another request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTimetable: {
        parameters: {
            query?: {
                /** @description ics = an iCalendar file (RFC 5545) to import into a calendar app */
                format?: "json" | "ics";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            sectionId: number;
                            sectionNumber: number;
                            subjectCode: string;
                            subjectName: string;
                            credits: number;
                            /** @description null = 교수 미정 (to be announced) */
                            professor: {
                                id: number;
                                name: string;
                            } | null;
                            meetings: {
                                day: "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT";
                                start: string;
                                end: string;
                            }[];
                        }[];
                        totalCredits: number;
                        grid: {
                            MON: {
                                sectionId: number;
                                subjectCode: string;
                                subjectName: string;
                                /** @description null = 교수 미정 (to be announced) */
                                professor: {
                                    id: number;
                                    name: string;
                                } | null;
                                start: string;
                                end: string;
                            }[];
                            TUE: {
                                sectionId: number;
                                subjectCode: string;
                                subjectName: string;
                                /** @description null = 교수 미정 (to be announced) */
                                professor: {
                                    id: number;
                                    name: string;
                                } | null;
                                start: string;
                                end: string;
                            }[];
                            WED: {
                                sectionId: number;
                                subjectCode: string;
                                subjectName: string;
                                /** @description null = 교수 미정 (to be announced) */
                                professor: {
                                    id: number;
                                    name: string;
                                } | null;
                                start: string;
                                end: string;
                            }[];
                            THU: {
                                sectionId: number;
                                subjectCode: string;
                                subjectName: string;
                                /** @description null = 교수 미정 (to be announced) */
                                professor: {
                                    id: number;
                                    name: string;
                                } | null;
                                start: string;
                                end: string;
                            }[];
                            FRI: {
                                sectionId: number;
                                subjectCode: string;
                                subjectName: string;
                                /** @description null = 교수 미정 (to be announced) */
                                professor: {
                                    id: number;
                                    name: string;
                                } | null;
                                start: string;
                                end: string;
                            }[];
                            SAT: {
                                sectionId: number;
                                subjectCode: string;
                                subjectName: string;
                                /** @description null = 교수 미정 (to be announced) */
                                professor: {
                                    id: number;
                                    name: string;
                                } | null;
                                start: string;
                                end: string;
                            }[];
                        };
                    };
                    "text/calendar": string;
                };
            };
            /** @description The request is invalid. error.code: VALIDATION_FAILED (Invalid input) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated. error.code: UNAUTHENTICATED (Login required) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed. error.code: FORBIDDEN (Forbidden); PASSWORD_CHANGE_REQUIRED (Change your password first) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
