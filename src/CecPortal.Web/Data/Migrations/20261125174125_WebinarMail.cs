using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WebinarMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarContent",
                table: "outbound_emails",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarMethod",
                table: "outbound_emails",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "webinar_reminders");

            migrationBuilder.DropColumn(
                name: "CalendarContent",
                table: "outbound_emails");

            migrationBuilder.DropColumn(
                name: "CalendarMethod",
                table: "outbound_emails");
        }
    }
}
