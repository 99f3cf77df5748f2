using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class VettingQueueSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vetting_queue_counts",
                columns: table => new
                {
                    CountryCode = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vetting_queue_counts", x => new { x.CountryCode, x.SectorCode, x.Status });
                });

            // The vetting queue's totals, kept in the same transaction as every change to an application (COPY, EF and
            // raw SQL alike), so that a total is never behind the queue. Unverified applications (status 0) are not counted.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION vetting_queue_count() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD."Status" = NEW."Status" AND OLD."CountryCode" = NEW."CountryCode" AND OLD."SectorCode" = NEW."SectorCode" THEN
                        RETURN NULL;
                    END IF;
                    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."Status" <> 0 THEN
                        UPDATE vetting_queue_counts SET "Count" = "Count" - 1
                        WHERE "CountryCode" = OLD."CountryCode" AND "SectorCode" = OLD."SectorCode" AND "Status" = OLD."Status";
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."Status" <> 0 THEN
                        INSERT INTO vetting_queue_counts ("CountryCode", "SectorCode", "Status", "Count")
                        VALUES (NEW."CountryCode", NEW."SectorCode", NEW."Status", 1)
                        ON CONFLICT ("CountryCode", "SectorCode", "Status") DO UPDATE SET "Count" = vetting_queue_counts."Count" + 1;
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE FUNCTION vetting_queue_count_reset() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM vetting_queue_counts;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER vetting_queue_count
                    AFTER INSERT OR DELETE OR UPDATE OF "Status", "CountryCode", "SectorCode" ON membership_applications
                    FOR EACH ROW EXECUTE FUNCTION vetting_queue_count();

                CREATE TRIGGER vetting_queue_count_reset
                    AFTER TRUNCATE ON membership_applications
                    FOR EACH STATEMENT EXECUTE FUNCTION vetting_queue_count_reset();

                INSERT INTO vetting_queue_counts ("CountryCode", "SectorCode", "Status", "Count")
                SELECT "CountryCode", "SectorCode", "Status", count(*)
                FROM membership_applications
                WHERE "Status" <> 0
                GROUP BY "CountryCode", "SectorCode", "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER vetting_queue_count_reset ON membership_applications;
                DROP TRIGGER vetting_queue_count ON membership_applications;
                DROP FUNCTION vetting_queue_count_reset();
                DROP FUNCTION vetting_queue_count();
                """);

            migrationBuilder.DropTable(
                name: "vetting_queue_counts");
        }
    }
}
