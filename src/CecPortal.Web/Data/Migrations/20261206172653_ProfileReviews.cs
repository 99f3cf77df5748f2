using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProfileReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "profile_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OldOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OldCountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    OldSectorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    NewOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NewCountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    NewSectorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OrganisationWebsite = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_profile_reviews_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "profile_review_flags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_review_flags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_profile_review_flags_profile_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "profile_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_profile_review_flags_ReviewId",
                table: "profile_review_flags",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_profile_reviews_DecidedById",
                table: "profile_reviews",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_profile_reviews_one_pending",
                table: "profile_reviews",
                column: "UserId",
                unique: true,
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_profile_reviews_Status_RequestedAt",
                table: "profile_reviews",
                columns: new[] { "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_profile_reviews_UserId_RequestedAt",
                table: "profile_reviews",
                columns: new[] { "UserId", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "profile_review_flags");

            migrationBuilder.DropTable(
                name: "profile_reviews");
        }
    }
}
