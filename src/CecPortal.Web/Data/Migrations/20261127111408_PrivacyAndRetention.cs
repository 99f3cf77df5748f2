using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PrivacyAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.InsertData(
                table: "privacy_notices",
                columns: new[] { "Version", "ChangeSummary", "Markdown", "PublishedAt", "PublishedBy" },
                values: new object[] { 1, null, "## Who we are\n\nThe CISOs European Community (\"CEC\", \"we\") runs this portal for its members: Chief Information Security\nOfficers across Europe. We are the controller of the personal data described here. Write to the secretariat\nat privacy@cec-portal.example with any question or request.\n\n## What we use your data for\n\n- **Membership vetting**: when you apply, our vetters use your application to decide whether you are eligible.\n  The legal basis is the steps you asked us to take before a membership agreement (GDPR Art. 6(1)(b)).\n- **Running the community**: your profile, the member directory, the daily briefing, peer webinars and your\n  email preferences, under the membership agreement (Art. 6(1)(b)).\n- **Security and accountability**: sign-in history and an audit log of staff actions, to protect the\n  community and investigate incidents, under our legitimate interest (Art. 6(1)(f)).\n\nWe never sell your data or use it for advertising. The data inventory below lists every kind of data we keep,\nwhy, and for how long.\n\n## Your rights\n\nYou may ask for a copy of your data, have it corrected or erased, object to processing or restrict it, and\ncomplain to your data protection authority. If a personal data breach is likely to put your rights at high\nrisk, we will tell you without undue delay (Art. 34).", new DateTimeOffset(new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null });

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
                name: "IX_privacy_acceptances_UserId_Version",
                table: "privacy_acceptances",
                columns: new[] { "UserId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_privacy_acceptances_Version",
                table: "privacy_acceptances",
                column: "Version");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "breach_notice_recipients");

            migrationBuilder.DropTable(
                name: "briefing_delivery_archives");

            migrationBuilder.DropTable(
                name: "privacy_acceptances");

            migrationBuilder.DropTable(
                name: "breach_notices");

            migrationBuilder.DropTable(
                name: "privacy_notices");
        }
    }
}
