using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class VettingScopeCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_open_scope",
                table: "membership_applications",
                columns: new[] { "CountryCode", "SectorCode" },
                filter: "\"Status\" IN (1, 2, 3)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_membership_applications_open_scope",
                table: "membership_applications");
        }
    }
}
