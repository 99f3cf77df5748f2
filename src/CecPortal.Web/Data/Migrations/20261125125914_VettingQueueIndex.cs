using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class VettingQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_open_queue",
                table: "membership_applications",
                columns: new[] { "VerifiedAt", "Id" },
                filter: "\"Status\" IN (1, 2, 3)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_membership_applications_open_queue",
                table: "membership_applications");
        }
    }
}
