using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharingChangeAtCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A message's change number is now taken as its transaction commits, not as the row is written: a deferred
            // constraint trigger takes the ordering lock, gives the row its number and announces it (pg_notify commits with
            // the transaction or not at all). The lock is held only from there to the end of the commit, where before
            // (SharingLiveOrder) it was held from the first write to the commit, across every round trip of the writer, so
            // that all writers waited on the slowest. Numbers still become visible in the order they are given. The
            // WHEN clause is evaluated as the row is written: the trigger's own UPDATE (at depth 1) queues nothing.
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS messages_change_seq ON messages;
                DROP FUNCTION IF EXISTS messages_next_change_seq();
                CREATE FUNCTION messages_change_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    changed record;
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtext('messages.ChangeSeq'));
                    UPDATE messages SET "ChangeSeq" = nextval('message_change_seq') WHERE "Id" = NEW."Id"
                        RETURNING "ChannelId", "ChangeSeq" INTO changed;
                    IF FOUND THEN
                        PERFORM pg_notify('sharing', format('{"c":"%s","s":%s}', changed."ChannelId", changed."ChangeSeq"));
                    END IF;
                    RETURN NULL;
                END
                $$;
                CREATE CONSTRAINT TRIGGER messages_change_at_commit AFTER INSERT OR UPDATE ON messages
                    DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION messages_change_at_commit();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS messages_change_at_commit ON messages;
                DROP FUNCTION IF EXISTS messages_change_at_commit();
                CREATE FUNCTION messages_next_change_seq() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtext('messages.ChangeSeq'));
                    NEW."ChangeSeq" := nextval('message_change_seq');
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER messages_change_seq BEFORE INSERT OR UPDATE ON messages
                    FOR EACH ROW EXECUTE FUNCTION messages_next_change_seq();
                """);
        }
    }
}
