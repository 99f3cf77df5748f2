using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProfileAndPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnnouncedAt",
                table: "webinar_sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ListUnsubscribeUrl",
                table: "outbound_emails",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HiddenFromDirectory",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PendingEmail",
                table: "AspNetUsers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PendingEmailRequestedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WebinarAnnouncementsOptOutAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_webinar_announcements_MemberId",
                table: "webinar_announcements",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "webinar_announcements");

            migrationBuilder.DropColumn(
                name: "AnnouncedAt",
                table: "webinar_sessions");

            migrationBuilder.DropColumn(
                name: "ListUnsubscribeUrl",
                table: "outbound_emails");

            migrationBuilder.DropColumn(
                name: "HiddenFromDirectory",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PendingEmail",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PendingEmailRequestedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "WebinarAnnouncementsOptOutAt",
                table: "AspNetUsers");
        }
    }
}
