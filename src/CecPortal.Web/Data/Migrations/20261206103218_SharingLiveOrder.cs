using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharingLiveOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A change number is taken under a transaction-scoped advisory lock, held until the transaction ends, so
            // change numbers become visible in the order they were given: a reader that has seen change N has seen every
            // change before it, and a live stream that resumes after its Last-Event-ID misses none (before this, a slow
            // transaction could commit change N after change N+1 had already been delivered and remembered).
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION messages_next_change_seq() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtext('messages.ChangeSeq'));
                    NEW."ChangeSeq" := nextval('message_change_seq');
                    RETURN NEW;
                END
                $$;
                DROP TRIGGER IF EXISTS messages_change_seq ON messages;
                CREATE TRIGGER messages_change_seq BEFORE INSERT OR UPDATE ON messages
                    FOR EACH ROW EXECUTE FUNCTION messages_next_change_seq();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION messages_next_change_seq() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."ChangeSeq" := nextval('message_change_seq');
                    RETURN NEW;
                END
                $$;
                DROP TRIGGER IF EXISTS messages_change_seq ON messages;
                CREATE TRIGGER messages_change_seq BEFORE UPDATE ON messages
                    FOR EACH ROW EXECUTE FUNCTION messages_next_change_seq();
                """);
        }
    }
}
