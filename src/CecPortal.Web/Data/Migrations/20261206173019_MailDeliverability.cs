using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MailDeliverability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AddressConfirmedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UndeliverableReason",
                table: "AspNetUsers",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UndeliverableSince",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "mail_bounces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BounceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MemberId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DeliveryId = table.Column<long>(type: "bigint", nullable: true),
                    BriefingId = table.Column<Guid>(type: "uuid", nullable: true),
                    OutboundEmailId = table.Column<Guid>(type: "uuid", nullable: true),
                    StatusCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Diagnostic = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mail_bounces", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_UndeliverableSince",
                table: "AspNetUsers",
                column: "UndeliverableSince",
                filter: "\"UndeliverableSince\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_mail_bounces_BounceKey",
                table: "mail_bounces",
                column: "BounceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mail_bounces_BriefingId",
                table: "mail_bounces",
                column: "BriefingId",
                filter: "\"BriefingId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_mail_bounces_MemberId_ReceivedAt",
                table: "mail_bounces",
                columns: new[] { "MemberId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_mail_bounces_ReceivedAt",
                table: "mail_bounces",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mail_bounces");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_UndeliverableSince",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AddressConfirmedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "UndeliverableReason",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "UndeliverableSince",
                table: "AspNetUsers");
        }
    }
}
