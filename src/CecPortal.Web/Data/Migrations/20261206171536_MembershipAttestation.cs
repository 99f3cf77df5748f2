using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MembershipAttestation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AttestationDueAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AttestationRemindedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AttestationRequestedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LapsedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastAttestedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeftAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            // Existing members are due a year (the default period) after they joined, or, when that is already past,
            // 30 days (the default grace) from now: nobody is asked and lapses on the day this arrives.
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" AS u
                SET "AttestationDueAt" = GREATEST(u."CreatedAt" + interval '365 days', now() + interval '30 days')
                WHERE u."ErasedAt" IS NULL
                  AND EXISTS (
                      SELECT 1 FROM "AspNetUserRoles" AS ur JOIN "AspNetRoles" AS r ON r."Id" = ur."RoleId"
                      WHERE ur."UserId" = u."Id" AND r."Name" = 'Member');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttestationDueAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AttestationRemindedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AttestationRequestedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LapsedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LastAttestedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LeftAt",
                table: "AspNetUsers");
        }
    }
}
