using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Briefings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BriefingOptOutAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FeedTokenCreatedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeedTokenHash",
                table: "AspNetUsers",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_FeedTokenHash",
                table: "AspNetUsers",
                column: "FeedTokenHash",
                unique: true,
                filter: "\"FeedTokenHash\" IS NOT NULL");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "briefing_deliveries");

            migrationBuilder.DropTable(
                name: "briefings");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_FeedTokenHash",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "BriefingOptOutAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "FeedTokenCreatedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "FeedTokenHash",
                table: "AspNetUsers");
        }
    }
}
