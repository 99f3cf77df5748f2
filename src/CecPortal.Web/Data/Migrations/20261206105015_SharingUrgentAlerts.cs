using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharingUrgentAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "BriefingId",
                table: "briefing_deliveries",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "UrgentAlertId",
                table: "briefing_deliveries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "urgent_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ProposedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_urgent_alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_urgent_alerts_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_urgent_alerts_AspNetUsers_EndedById",
                        column: x => x.EndedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_urgent_alerts_AspNetUsers_ProposedById",
                        column: x => x.ProposedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_urgent_alerts_channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_urgent_alerts_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_briefing_deliveries_pending_alerts",
                table: "briefing_deliveries",
                columns: new[] { "UrgentAlertId", "Id" },
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_briefing_deliveries_UrgentAlertId_MemberId",
                table: "briefing_deliveries",
                columns: new[] { "UrgentAlertId", "MemberId" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_briefing_deliveries_one_subject",
                table: "briefing_deliveries",
                sql: "num_nonnulls(\"BriefingId\", \"UrgentAlertId\") = 1");

            migrationBuilder.CreateIndex(
                name: "IX_urgent_alerts_ChannelId_Status_ExpiresAt",
                table: "urgent_alerts",
                columns: new[] { "ChannelId", "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_urgent_alerts_DecidedById",
                table: "urgent_alerts",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_urgent_alerts_EndedById",
                table: "urgent_alerts",
                column: "EndedById");

            migrationBuilder.CreateIndex(
                name: "IX_urgent_alerts_open_per_message",
                table: "urgent_alerts",
                column: "MessageId",
                unique: true,
                filter: "\"Status\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_urgent_alerts_ProposedById",
                table: "urgent_alerts",
                column: "ProposedById");

            migrationBuilder.AddForeignKey(
                name: "FK_briefing_deliveries_urgent_alerts_UrgentAlertId",
                table: "briefing_deliveries",
                column: "UrgentAlertId",
                principalTable: "urgent_alerts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Alert deliveries have no briefing: they go with the alerts, so the column can be required again.
            migrationBuilder.Sql("DELETE FROM briefing_deliveries WHERE \"BriefingId\" IS NULL;");

            migrationBuilder.DropForeignKey(
                name: "FK_briefing_deliveries_urgent_alerts_UrgentAlertId",
                table: "briefing_deliveries");

            migrationBuilder.DropTable(
                name: "urgent_alerts");

            migrationBuilder.DropIndex(
                name: "IX_briefing_deliveries_pending_alerts",
                table: "briefing_deliveries");

            migrationBuilder.DropIndex(
                name: "IX_briefing_deliveries_UrgentAlertId_MemberId",
                table: "briefing_deliveries");

            migrationBuilder.DropCheckConstraint(
                name: "CK_briefing_deliveries_one_subject",
                table: "briefing_deliveries");

            migrationBuilder.DropColumn(
                name: "UrgentAlertId",
                table: "briefing_deliveries");

            migrationBuilder.AlterColumn<Guid>(
                name: "BriefingId",
                table: "briefing_deliveries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
