using System;
using System.Collections.Generic;
using System.Net;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CountryCode = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    SectorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SuspendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SuspensionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    BriefingOptOutAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FeedTokenHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    FeedTokenCreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CalendarTokenHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    LastTotpTimeStep = table.Column<long>(type: "bigint", nullable: true),
                    ErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WebinarAnnouncementsOptOutAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HiddenFromDirectory = table.Column<bool>(type: "boolean", nullable: false),
                    PendingEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PendingEmailRequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IpAddress = table.Column<IPAddress>(type: "inet", nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "blocked_emails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ErasureReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_blocked_emails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "breach_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Categories = table.Column<int>(type: "integer", nullable: false),
                    WindowFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    WindowTo = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecipientCount = table.Column<int>(type: "integer", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_breach_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "briefings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EditionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    Tlp = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SendStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SearchVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "setweight(to_tsvector('english'::regconfig, \"Title\"), 'A') || setweight(jsonb_to_tsvector('english'::regconfig, \"Vulnerabilities\", '[\"string\"]'), 'A') || setweight(to_tsvector('english'::regconfig, \"BodyMarkdown\"), 'B')", stored: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Vulnerabilities = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_briefings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "countries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsEligible = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_countries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "free_mail_domains",
                columns: table => new
                {
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_free_mail_domains", x => x.Domain);
                });

            migrationBuilder.CreateTable(
                name: "outbound_emails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    To = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ForgetRecipient = table.Column<bool>(type: "boolean", nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    HtmlBody = table.Column<string>(type: "text", nullable: true),
                    TextBody = table.Column<string>(type: "text", nullable: true),
                    CalendarMethod = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CalendarContent = table.Column<string>(type: "text", nullable: true),
                    ListUnsubscribeUrl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbound_emails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "privacy_notices",
                columns: table => new
                {
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Markdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ChangeSummary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacy_notices", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "sectors",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Annex = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sectors", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "webinar_series",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Week = table.Column<int>(type: "integer", nullable: false),
                    DayOfWeek = table.Column<int>(type: "integer", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    DefaultCapacity = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webinar_series", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProviderKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserPasskeys",
                columns: table => new
                {
                    CredentialId = table.Column<byte[]>(type: "bytea", maxLength: 1024, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Data = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserPasskeys", x => x.CredentialId);
                    table.ForeignKey(
                        name: "FK_AspNetUserPasskeys_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "breach_notice_recipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NoticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OutboundEmailId = table.Column<Guid>(type: "uuid", nullable: true),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_breach_notice_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_breach_notice_recipients_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_breach_notice_recipients_breach_notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "breach_notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "briefing_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    BriefingId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_briefing_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_briefing_deliveries_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_briefing_deliveries_briefings_BriefingId",
                        column: x => x.BriefingId,
                        principalTable: "briefings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "briefing_delivery_archives",
                columns: table => new
                {
                    BriefingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sent = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_briefing_delivery_archives", x => x.BriefingId);
                    table.ForeignKey(
                        name: "FK_briefing_delivery_archives_briefings_BriefingId",
                        column: x => x.BriefingId,
                        principalTable: "briefings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "vetter_countries",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    CountryCode = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vetter_countries", x => new { x.UserId, x.CountryCode });
                    table.ForeignKey(
                        name: "FK_vetter_countries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_vetter_countries_countries_CountryCode",
                        column: x => x.CountryCode,
                        principalTable: "countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "privacy_acceptances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacy_acceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_privacy_acceptances_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_privacy_acceptances_privacy_notices_Version",
                        column: x => x.Version,
                        principalTable: "privacy_notices",
                        principalColumn: "Version",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "membership_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WorkEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    EmailDomain = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationWebsite = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    WebsiteDomain = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CountryCode = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SectorDescription = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganisationSize = table.Column<int>(type: "integer", nullable: false),
                    LinkedInUrl = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Motivation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SponsorEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    SponsorResponse = table.Column<int>(type: "integer", nullable: false),
                    ConsentedNoticeVersion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConsentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<int>(type: "integer", nullable: true),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    MemberUserId = table.Column<string>(type: "text", nullable: true),
                    VerificationTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SponsorTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_membership_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_membership_applications_countries_CountryCode",
                        column: x => x.CountryCode,
                        principalTable: "countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_membership_applications_sectors_SectorCode",
                        column: x => x.SectorCode,
                        principalTable: "sectors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vetter_sectors",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vetter_sectors", x => new { x.UserId, x.SectorCode });
                    table.ForeignKey(
                        name: "FK_vetter_sectors_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_vetter_sectors_sectors_SectorCode",
                        column: x => x.SectorCode,
                        principalTable: "sectors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webinar_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: true),
                    SeriesDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AbstractMarkdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    AbstractHtml = table.Column<string>(type: "text", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    MeetingLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Tlp = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RecordingLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    MovedByHand = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnnouncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webinar_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_webinar_sessions_webinar_series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "webinar_series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "application_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_events_membership_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "membership_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_flags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_flags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_flags_membership_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "membership_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_reviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    ReviewerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Verdict = table.Column<int>(type: "integer", nullable: false),
                    CoversCountry = table.Column<bool>(type: "boolean", nullable: false),
                    CoversSector = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_reviews_membership_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "membership_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "talk_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AbstractMarkdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PreferredMonths = table.Column<List<DateOnly>>(type: "date[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_talk_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_talk_proposals_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_talk_proposals_webinar_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "webinar_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "webinar_announcements",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<string>(type: "text", nullable: false),
                    OutboundEmailId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webinar_announcements", x => new { x.SessionId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_webinar_announcements_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_webinar_announcements_webinar_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "webinar_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webinar_registrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PromotedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InvitedSequence = table.Column<int>(type: "integer", nullable: true),
                    DayReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HourReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webinar_registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_webinar_registrations_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_webinar_registrations_webinar_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "webinar_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webinar_reminders",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    JobId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webinar_reminders", x => new { x.SessionId, x.Kind });
                    table.ForeignKey(
                        name: "FK_webinar_reminders_webinar_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "webinar_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webinar_speakers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    GuestName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GuestOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webinar_speakers", x => x.Id);
                    table.CheckConstraint("CK_webinar_speakers_member_or_guest", "(\"MemberId\" IS NULL) <> (\"GuestName\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_webinar_speakers_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_webinar_speakers_webinar_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "webinar_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a01", "5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a01", "Admin", "ADMIN" },
                    { "5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a02", "5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a02", "Vetter", "VETTER" },
                    { "5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a03", "5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a03", "Editor", "EDITOR" },
                    { "5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a04", "5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a04", "Member", "MEMBER" }
                });

            migrationBuilder.InsertData(
                table: "countries",
                columns: new[] { "Code", "IsEligible", "Name" },
                values: new object[,]
                {
                    { "AD", false, "Andorra" },
                    { "AE", false, "United Arab Emirates" },
                    { "AF", false, "Afghanistan" },
                    { "AG", false, "Antigua and Barbuda" },
                    { "AI", false, "Anguilla" },
                    { "AL", false, "Albania" },
                    { "AM", false, "Armenia" },
                    { "AO", false, "Angola" },
                    { "AQ", false, "Antarctica" },
                    { "AR", false, "Argentina" },
                    { "AS", false, "American Samoa" },
                    { "AT", true, "Austria" },
                    { "AU", false, "Australia" },
                    { "AW", false, "Aruba" },
                    { "AX", false, "Åland Islands" },
                    { "AZ", false, "Azerbaijan" },
                    { "BA", false, "Bosnia and Herzegovina" },
                    { "BB", false, "Barbados" },
                    { "BD", false, "Bangladesh" },
                    { "BE", true, "Belgium" },
                    { "BF", false, "Burkina Faso" },
                    { "BG", true, "Bulgaria" },
                    { "BH", false, "Bahrain" },
                    { "BI", false, "Burundi" },
                    { "BJ", false, "Benin" },
                    { "BL", false, "Saint Barthélemy" },
                    { "BM", false, "Bermuda" },
                    { "BN", false, "Brunei" },
                    { "BO", false, "Bolivia" },
                    { "BQ", false, "Bonaire, Sint Eustatius and Saba" },
                    { "BR", false, "Brazil" },
                    { "BS", false, "Bahamas" },
                    { "BT", false, "Bhutan" },
                    { "BV", false, "Bouvet Island" },
                    { "BW", false, "Botswana" },
                    { "BY", false, "Belarus" },
                    { "BZ", false, "Belize" },
                    { "CA", false, "Canada" },
                    { "CC", false, "Cocos (Keeling) Islands" },
                    { "CD", false, "Democratic Republic of the Congo" },
                    { "CF", false, "Central African Republic" },
                    { "CG", false, "Republic of the Congo" },
                    { "CH", true, "Switzerland" },
                    { "CI", false, "Côte d'Ivoire" },
                    { "CK", false, "Cook Islands" },
                    { "CL", false, "Chile" },
                    { "CM", false, "Cameroon" },
                    { "CN", false, "China" },
                    { "CO", false, "Colombia" },
                    { "CR", false, "Costa Rica" },
                    { "CU", false, "Cuba" },
                    { "CV", false, "Cabo Verde" },
                    { "CW", false, "Curaçao" },
                    { "CX", false, "Christmas Island" },
                    { "CY", true, "Cyprus" },
                    { "CZ", true, "Czechia" },
                    { "DE", true, "Germany" },
                    { "DJ", false, "Djibouti" },
                    { "DK", true, "Denmark" },
                    { "DM", false, "Dominica" },
                    { "DO", false, "Dominican Republic" },
                    { "DZ", false, "Algeria" },
                    { "EC", false, "Ecuador" },
                    { "EE", true, "Estonia" },
                    { "EG", false, "Egypt" },
                    { "EH", false, "Western Sahara" },
                    { "ER", false, "Eritrea" },
                    { "ES", true, "Spain" },
                    { "ET", false, "Ethiopia" },
                    { "FI", true, "Finland" },
                    { "FJ", false, "Fiji" },
                    { "FK", false, "Falkland Islands" },
                    { "FM", false, "Micronesia" },
                    { "FO", false, "Faroe Islands" },
                    { "FR", true, "France" },
                    { "GA", false, "Gabon" },
                    { "GB", true, "United Kingdom" },
                    { "GD", false, "Grenada" },
                    { "GE", false, "Georgia" },
                    { "GF", false, "French Guiana" },
                    { "GG", false, "Guernsey" },
                    { "GH", false, "Ghana" },
                    { "GI", false, "Gibraltar" },
                    { "GL", false, "Greenland" },
                    { "GM", false, "Gambia" },
                    { "GN", false, "Guinea" },
                    { "GP", false, "Guadeloupe" },
                    { "GQ", false, "Equatorial Guinea" },
                    { "GR", true, "Greece" },
                    { "GS", false, "South Georgia and the South Sandwich Islands" },
                    { "GT", false, "Guatemala" },
                    { "GU", false, "Guam" },
                    { "GW", false, "Guinea-Bissau" },
                    { "GY", false, "Guyana" },
                    { "HK", false, "Hong Kong" },
                    { "HM", false, "Heard Island and McDonald Islands" },
                    { "HN", false, "Honduras" },
                    { "HR", true, "Croatia" },
                    { "HT", false, "Haiti" },
                    { "HU", true, "Hungary" },
                    { "ID", false, "Indonesia" },
                    { "IE", true, "Ireland" },
                    { "IL", false, "Israel" },
                    { "IM", false, "Isle of Man" },
                    { "IN", false, "India" },
                    { "IO", false, "British Indian Ocean Territory" },
                    { "IQ", false, "Iraq" },
                    { "IR", false, "Iran" },
                    { "IS", true, "Iceland" },
                    { "IT", true, "Italy" },
                    { "JE", false, "Jersey" },
                    { "JM", false, "Jamaica" },
                    { "JO", false, "Jordan" },
                    { "JP", false, "Japan" },
                    { "KE", false, "Kenya" },
                    { "KG", false, "Kyrgyzstan" },
                    { "KH", false, "Cambodia" },
                    { "KI", false, "Kiribati" },
                    { "KM", false, "Comoros" },
                    { "KN", false, "Saint Kitts and Nevis" },
                    { "KP", false, "North Korea" },
                    { "KR", false, "South Korea" },
                    { "KW", false, "Kuwait" },
                    { "KY", false, "Cayman Islands" },
                    { "KZ", false, "Kazakhstan" },
                    { "LA", false, "Laos" },
                    { "LB", false, "Lebanon" },
                    { "LC", false, "Saint Lucia" },
                    { "LI", true, "Liechtenstein" },
                    { "LK", false, "Sri Lanka" },
                    { "LR", false, "Liberia" },
                    { "LS", false, "Lesotho" },
                    { "LT", true, "Lithuania" },
                    { "LU", true, "Luxembourg" },
                    { "LV", true, "Latvia" },
                    { "LY", false, "Libya" },
                    { "MA", false, "Morocco" },
                    { "MC", false, "Monaco" },
                    { "MD", false, "Moldova" },
                    { "ME", false, "Montenegro" },
                    { "MF", false, "Saint Martin" },
                    { "MG", false, "Madagascar" },
                    { "MH", false, "Marshall Islands" },
                    { "MK", false, "North Macedonia" },
                    { "ML", false, "Mali" },
                    { "MM", false, "Myanmar" },
                    { "MN", false, "Mongolia" },
                    { "MO", false, "Macao" },
                    { "MP", false, "Northern Mariana Islands" },
                    { "MQ", false, "Martinique" },
                    { "MR", false, "Mauritania" },
                    { "MS", false, "Montserrat" },
                    { "MT", true, "Malta" },
                    { "MU", false, "Mauritius" },
                    { "MV", false, "Maldives" },
                    { "MW", false, "Malawi" },
                    { "MX", false, "Mexico" },
                    { "MY", false, "Malaysia" },
                    { "MZ", false, "Mozambique" },
                    { "NA", false, "Namibia" },
                    { "NC", false, "New Caledonia" },
                    { "NE", false, "Niger" },
                    { "NF", false, "Norfolk Island" },
                    { "NG", false, "Nigeria" },
                    { "NI", false, "Nicaragua" },
                    { "NL", true, "Netherlands" },
                    { "NO", true, "Norway" },
                    { "NP", false, "Nepal" },
                    { "NR", false, "Nauru" },
                    { "NU", false, "Niue" },
                    { "NZ", false, "New Zealand" },
                    { "OM", false, "Oman" },
                    { "PA", false, "Panama" },
                    { "PE", false, "Peru" },
                    { "PF", false, "French Polynesia" },
                    { "PG", false, "Papua New Guinea" },
                    { "PH", false, "Philippines" },
                    { "PK", false, "Pakistan" },
                    { "PL", true, "Poland" },
                    { "PM", false, "Saint Pierre and Miquelon" },
                    { "PN", false, "Pitcairn Islands" },
                    { "PR", false, "Puerto Rico" },
                    { "PS", false, "Palestine" },
                    { "PT", true, "Portugal" },
                    { "PW", false, "Palau" },
                    { "PY", false, "Paraguay" },
                    { "QA", false, "Qatar" },
                    { "RE", false, "Réunion" },
                    { "RO", true, "Romania" },
                    { "RS", false, "Serbia" },
                    { "RU", false, "Russia" },
                    { "RW", false, "Rwanda" },
                    { "SA", false, "Saudi Arabia" },
                    { "SB", false, "Solomon Islands" },
                    { "SC", false, "Seychelles" },
                    { "SD", false, "Sudan" },
                    { "SE", true, "Sweden" },
                    { "SG", false, "Singapore" },
                    { "SH", false, "Saint Helena, Ascension and Tristan da Cunha" },
                    { "SI", true, "Slovenia" },
                    { "SJ", false, "Svalbard and Jan Mayen" },
                    { "SK", true, "Slovakia" },
                    { "SL", false, "Sierra Leone" },
                    { "SM", false, "San Marino" },
                    { "SN", false, "Senegal" },
                    { "SO", false, "Somalia" },
                    { "SR", false, "Suriname" },
                    { "SS", false, "South Sudan" },
                    { "ST", false, "Sao Tome and Principe" },
                    { "SV", false, "El Salvador" },
                    { "SX", false, "Sint Maarten" },
                    { "SY", false, "Syria" },
                    { "SZ", false, "Eswatini" },
                    { "TC", false, "Turks and Caicos Islands" },
                    { "TD", false, "Chad" },
                    { "TF", false, "French Southern Territories" },
                    { "TG", false, "Togo" },
                    { "TH", false, "Thailand" },
                    { "TJ", false, "Tajikistan" },
                    { "TK", false, "Tokelau" },
                    { "TL", false, "Timor-Leste" },
                    { "TM", false, "Turkmenistan" },
                    { "TN", false, "Tunisia" },
                    { "TO", false, "Tonga" },
                    { "TR", false, "Türkiye" },
                    { "TT", false, "Trinidad and Tobago" },
                    { "TV", false, "Tuvalu" },
                    { "TW", false, "Taiwan" },
                    { "TZ", false, "Tanzania" },
                    { "UA", false, "Ukraine" },
                    { "UG", false, "Uganda" },
                    { "UM", false, "United States Minor Outlying Islands" },
                    { "US", false, "United States" },
                    { "UY", false, "Uruguay" },
                    { "UZ", false, "Uzbekistan" },
                    { "VA", false, "Vatican City" },
                    { "VC", false, "Saint Vincent and the Grenadines" },
                    { "VE", false, "Venezuela" },
                    { "VG", false, "British Virgin Islands" },
                    { "VI", false, "U.S. Virgin Islands" },
                    { "VN", false, "Vietnam" },
                    { "VU", false, "Vanuatu" },
                    { "WF", false, "Wallis and Futuna" },
                    { "WS", false, "Samoa" },
                    { "YE", false, "Yemen" },
                    { "YT", false, "Mayotte" },
                    { "ZA", false, "South Africa" },
                    { "ZM", false, "Zambia" },
                    { "ZW", false, "Zimbabwe" }
                });

            migrationBuilder.InsertData(
                table: "free_mail_domains",
                column: "Domain",
                values: new object[]
                {
                    "abv.bg",
                    "alice.it",
                    "aol.com",
                    "bluewin.ch",
                    "btinternet.com",
                    "centrum.cz",
                    "fastmail.com",
                    "free.fr",
                    "freenet.de",
                    "gmail.com",
                    "gmx.at",
                    "gmx.ch",
                    "gmx.com",
                    "gmx.de",
                    "gmx.net",
                    "googlemail.com",
                    "hetnet.nl",
                    "hotmail.co.uk",
                    "hotmail.com",
                    "hotmail.de",
                    "hotmail.es",
                    "hotmail.fr",
                    "hotmail.it",
                    "hushmail.com",
                    "icloud.com",
                    "interia.pl",
                    "kpnmail.nl",
                    "laposte.net",
                    "libero.it",
                    "live.be",
                    "live.co.uk",
                    "live.com",
                    "live.de",
                    "live.fr",
                    "live.it",
                    "live.nl",
                    "mac.com",
                    "mail.com",
                    "mail.ru",
                    "me.com",
                    "msn.com",
                    "o2.pl",
                    "onet.pl",
                    "orange.fr",
                    "outlook.com",
                    "outlook.de",
                    "outlook.es",
                    "outlook.fr",
                    "outlook.it",
                    "pm.me",
                    "proton.me",
                    "protonmail.ch",
                    "protonmail.com",
                    "rocketmail.com",
                    "seznam.cz",
                    "sfr.fr",
                    "sky.com",
                    "skynet.be",
                    "t-online.de",
                    "telenet.be",
                    "tiscali.it",
                    "tuta.io",
                    "tutanota.com",
                    "tutanota.de",
                    "virgilio.it",
                    "virginmedia.com",
                    "wanadoo.fr",
                    "web.de",
                    "wp.pl",
                    "yahoo.co.uk",
                    "yahoo.com",
                    "yahoo.de",
                    "yahoo.es",
                    "yahoo.fr",
                    "yahoo.it",
                    "yandex.com",
                    "yandex.ru",
                    "ymail.com",
                    "ziggo.nl",
                    "zoho.com"
                });

            migrationBuilder.InsertData(
                table: "privacy_notices",
                columns: new[] { "Version", "ChangeSummary", "Markdown", "PublishedAt", "PublishedBy" },
                values: new object[] { 1, null, "## Who we are\n\nThe CISOs European Community (\"CEC\", \"we\") runs this portal for its members: Chief Information Security\nOfficers across Europe. We are the controller of the personal data described here. Write to the secretariat\nat privacy@cec-portal.example with any question or request.\n\n## What we use your data for\n\n- **Membership vetting**: when you apply, our vetters use your application to decide whether you are eligible.\n  The legal basis is the steps you asked us to take before a membership agreement (GDPR Art. 6(1)(b)).\n- **Running the community**: your profile, the member directory, the daily briefing, peer webinars and your\n  email preferences, under the membership agreement (Art. 6(1)(b)).\n- **Security and accountability**: sign-in history and an audit log of staff actions, to protect the\n  community and investigate incidents, under our legitimate interest (Art. 6(1)(f)).\n\nWe never sell your data or use it for advertising. The data inventory below lists every kind of data we keep,\nwhy, and for how long.\n\n## Your rights\n\nYou may ask for a copy of your data, have it corrected or erased, object to processing or restrict it, and\ncomplain to your data protection authority. If a personal data breach is likely to put your rights at high\nrisk, we will tell you without undue delay (Art. 34).", new DateTimeOffset(new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null });

            migrationBuilder.InsertData(
                table: "sectors",
                columns: new[] { "Code", "Annex", "Name", "SortOrder" },
                values: new object[,]
                {
                    { "banking", 1, "Banking", 3 },
                    { "chemicals", 2, "Chemicals", 14 },
                    { "digital-infrastructure", 1, "Digital infrastructure", 8 },
                    { "digital-providers", 2, "Digital providers", 17 },
                    { "drinking-water", 1, "Drinking water", 6 },
                    { "energy", 1, "Energy", 1 },
                    { "financial-market-infrastructures", 1, "Financial market infrastructures", 4 },
                    { "food", 2, "Food", 15 },
                    { "health", 1, "Health", 5 },
                    { "ict-service-management", 1, "ICT service management (B2B)", 9 },
                    { "manufacturing", 2, "Manufacturing", 16 },
                    { "other", 0, "Other (e.g. insurance, retail)", 99 },
                    { "postal-courier", 2, "Postal and courier services", 12 },
                    { "public-administration", 1, "Public administration", 10 },
                    { "research", 2, "Research", 18 },
                    { "space", 1, "Space", 11 },
                    { "transport", 1, "Transport", 2 },
                    { "waste-management", 2, "Waste management", 13 },
                    { "waste-water", 1, "Waste water", 7 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_application_events_ApplicationId_At",
                table: "application_events",
                columns: new[] { "ApplicationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_application_flags_ApplicationId",
                table: "application_flags",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_application_flags_Kind_ApplicationId",
                table: "application_flags",
                columns: new[] { "Kind", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_application_reviews_ApplicationId_Round_ReviewerId",
                table: "application_reviews",
                columns: new[] { "ApplicationId", "Round", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserPasskeys_UserId",
                table: "AspNetUserPasskeys",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CalendarTokenHash",
                table: "AspNetUsers",
                column: "CalendarTokenHash",
                unique: true,
                filter: "\"CalendarTokenHash\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CountryCode_SectorCode",
                table: "AspNetUsers",
                columns: new[] { "CountryCode", "SectorCode" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_FeedTokenHash",
                table: "AspNetUsers",
                column: "FeedTokenHash",
                unique: true,
                filter: "\"FeedTokenHash\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Action_At",
                table: "audit_entries",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_IpAddress_At",
                table: "audit_entries",
                columns: new[] { "IpAddress", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Subject_At",
                table: "audit_entries",
                columns: new[] { "Subject", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_blocked_emails_Hash",
                table: "blocked_emails",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_breach_notice_recipients_NoticeId_UserId",
                table: "breach_notice_recipients",
                columns: new[] { "NoticeId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_breach_notice_recipients_UserId",
                table: "breach_notice_recipients",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_breach_notices_CreatedAt",
                table: "breach_notices",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_briefing_deliveries_BriefingId_MemberId",
                table: "briefing_deliveries",
                columns: new[] { "BriefingId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_briefing_deliveries_MemberId",
                table: "briefing_deliveries",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_briefing_deliveries_pending",
                table: "briefing_deliveries",
                columns: new[] { "BriefingId", "Id" },
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_briefings_EditionDate",
                table: "briefings",
                column: "EditionDate",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_briefings_SearchVector",
                table: "briefings",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_briefings_Status_EditionDate",
                table: "briefings",
                columns: new[] { "Status", "EditionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_CountryCode_Status_VerifiedAt",
                table: "membership_applications",
                columns: new[] { "CountryCode", "Status", "VerifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_EmailDomain",
                table: "membership_applications",
                column: "EmailDomain");

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_NormalizedEmail",
                table: "membership_applications",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_open_queue",
                table: "membership_applications",
                columns: new[] { "VerifiedAt", "Id" },
                filter: "\"Status\" IN (1, 2, 3)");

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_open_scope",
                table: "membership_applications",
                columns: new[] { "CountryCode", "SectorCode" },
                filter: "\"Status\" IN (1, 2, 3)");

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_SectorCode_Status_VerifiedAt",
                table: "membership_applications",
                columns: new[] { "SectorCode", "Status", "VerifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_Status_CreatedAt",
                table: "membership_applications",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_Status_VerifiedAt",
                table: "membership_applications",
                columns: new[] { "Status", "VerifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbound_emails_SentAt_CreatedAt",
                table: "outbound_emails",
                columns: new[] { "SentAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_privacy_acceptances_UserId_Version",
                table: "privacy_acceptances",
                columns: new[] { "UserId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_privacy_acceptances_Version",
                table: "privacy_acceptances",
                column: "Version");

            migrationBuilder.CreateIndex(
                name: "IX_talk_proposals_MemberId",
                table: "talk_proposals",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_talk_proposals_SessionId",
                table: "talk_proposals",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_talk_proposals_Status_CreatedAt",
                table: "talk_proposals",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_vetter_countries_CountryCode",
                table: "vetter_countries",
                column: "CountryCode");

            migrationBuilder.CreateIndex(
                name: "IX_vetter_sectors_SectorCode",
                table: "vetter_sectors",
                column: "SectorCode");

            migrationBuilder.CreateIndex(
                name: "IX_webinar_announcements_MemberId",
                table: "webinar_announcements",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_webinar_registrations_MemberId",
                table: "webinar_registrations",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_webinar_registrations_SessionId_MemberId",
                table: "webinar_registrations",
                columns: new[] { "SessionId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_webinar_registrations_SessionId_Status_RegisteredAt",
                table: "webinar_registrations",
                columns: new[] { "SessionId", "Status", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_webinar_sessions_SeriesId_SeriesDate",
                table: "webinar_sessions",
                columns: new[] { "SeriesId", "SeriesDate" },
                unique: true,
                filter: "\"SeriesId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_webinar_sessions_StartsAt",
                table: "webinar_sessions",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_webinar_sessions_Status_StartsAt",
                table: "webinar_sessions",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_webinar_speakers_MemberId",
                table: "webinar_speakers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_webinar_speakers_SessionId",
                table: "webinar_speakers",
                column: "SessionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_events");

            migrationBuilder.DropTable(
                name: "application_flags");

            migrationBuilder.DropTable(
                name: "application_reviews");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserPasskeys");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "blocked_emails");

            migrationBuilder.DropTable(
                name: "breach_notice_recipients");

            migrationBuilder.DropTable(
                name: "briefing_deliveries");

            migrationBuilder.DropTable(
                name: "briefing_delivery_archives");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "free_mail_domains");

            migrationBuilder.DropTable(
                name: "outbound_emails");

            migrationBuilder.DropTable(
                name: "privacy_acceptances");

            migrationBuilder.DropTable(
                name: "talk_proposals");

            migrationBuilder.DropTable(
                name: "vetter_countries");

            migrationBuilder.DropTable(
                name: "vetter_sectors");

            migrationBuilder.DropTable(
                name: "webinar_announcements");

            migrationBuilder.DropTable(
                name: "webinar_registrations");

            migrationBuilder.DropTable(
                name: "webinar_reminders");

            migrationBuilder.DropTable(
                name: "webinar_speakers");

            migrationBuilder.DropTable(
                name: "membership_applications");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "breach_notices");

            migrationBuilder.DropTable(
                name: "briefings");

            migrationBuilder.DropTable(
                name: "privacy_notices");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "webinar_sessions");

            migrationBuilder.DropTable(
                name: "countries");

            migrationBuilder.DropTable(
                name: "sectors");

            migrationBuilder.DropTable(
                name: "webinar_series");
        }
    }
}
