using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharingSpace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "message_change_seq");

            migrationBuilder.CreateTable(
                name: "channels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CountryCode = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    DefaultTlp = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channels", x => x.Id);
                    table.CheckConstraint("CK_channels_country", "(\"Kind\" = 2) = (\"CountryCode\" IS NOT NULL)");
                    table.CheckConstraint("CK_channels_red", "\"DefaultTlp\" <> 4 OR \"Kind\" = 4");
                    table.CheckConstraint("CK_channels_sector", "(\"Kind\" = 1) = (\"SectorCode\" IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_channels_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_channels_countries_CountryCode",
                        column: x => x.CountryCode,
                        principalTable: "countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_channels_sectors_SectorCode",
                        column: x => x.SectorCode,
                        principalTable: "sectors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "channel_subscriptions",
                columns: table => new
                {
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Notify = table.Column<int>(type: "integer", nullable: false),
                    Muted = table.Column<bool>(type: "boolean", nullable: false),
                    UrgentAlertsByEmail = table.Column<bool>(type: "boolean", nullable: false),
                    ReadUpToSeq = table.Column<long>(type: "bigint", nullable: false),
                    SilencedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_subscriptions", x => new { x.ChannelId, x.UserId });
                    table.ForeignKey(
                        name: "FK_channel_subscriptions_AspNetUsers_AddedById",
                        column: x => x.AddedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_channel_subscriptions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_channel_subscriptions_channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "topics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastMessageAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastMessageSeq = table.Column<long>(type: "bigint", nullable: false),
                    MessageCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_topics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_topics_AspNetUsers_StartedById",
                        column: x => x.StartedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_topics_channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    ChangeSeq = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "nextval('message_change_seq')"),
                    TopicId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    BodyMarkdown = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    Tlp = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EditedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HiddenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HiddenById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    HiddenReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SearchVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "to_tsvector('english'::regconfig, \"BodyMarkdown\")", stored: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_messages_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_messages_AspNetUsers_HiddenById",
                        column: x => x.HiddenById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_messages_channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_messages_topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "topic_reads",
                columns: table => new
                {
                    TopicId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReadUpToSeq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_topic_reads", x => new { x.TopicId, x.UserId });
                    table.ForeignKey(
                        name: "FK_topic_reads_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_topic_reads_topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "message_mentions",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message_mentions", x => new { x.MessageId, x.UserId });
                    table.ForeignKey(
                        name: "FK_message_mentions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_message_mentions_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "message_revisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyMarkdown = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Tlp = table.Column<int>(type: "integer", nullable: false),
                    ReplacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_message_revisions_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "message_sightings",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message_sightings", x => new { x.MessageId, x.UserId });
                    table.ForeignKey(
                        name: "FK_message_sightings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_message_sightings_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[] { "5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a05", "5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a05", "Moderator", "MODERATOR" });

            migrationBuilder.CreateIndex(
                name: "IX_channel_subscriptions_AddedById",
                table: "channel_subscriptions",
                column: "AddedById");

            migrationBuilder.CreateIndex(
                name: "IX_channel_subscriptions_UserId",
                table: "channel_subscriptions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_channels_CountryCode",
                table: "channels",
                column: "CountryCode",
                unique: true,
                filter: "\"CountryCode\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_channels_CreatedById",
                table: "channels",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_channels_one_community",
                table: "channels",
                column: "Kind",
                unique: true,
                filter: "\"Kind\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_channels_SectorCode",
                table: "channels",
                column: "SectorCode",
                unique: true,
                filter: "\"SectorCode\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_channels_Slug",
                table: "channels",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_message_mentions_UserId",
                table: "message_mentions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_message_revisions_MessageId_ReplacedAt",
                table: "message_revisions",
                columns: new[] { "MessageId", "ReplacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_message_sightings_UserId",
                table: "message_sightings",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_messages_AuthorId",
                table: "messages",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_messages_ChangeSeq",
                table: "messages",
                column: "ChangeSeq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messages_ChannelId_Seq",
                table: "messages",
                columns: new[] { "ChannelId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_messages_HiddenById",
                table: "messages",
                column: "HiddenById");

            migrationBuilder.CreateIndex(
                name: "IX_messages_SearchVector",
                table: "messages",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_messages_TopicId_Seq",
                table: "messages",
                columns: new[] { "TopicId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_topic_reads_UserId",
                table: "topic_reads",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_topics_ChannelId_LastMessageSeq",
                table: "topics",
                columns: new[] { "ChannelId", "LastMessageSeq" });

            migrationBuilder.CreateIndex(
                name: "IX_topics_StartedById",
                table: "topics",
                column: "StartedById");

            // EF Core cannot declare these: a unique index on an expression (subjects ignore case) and the trigger that
            // gives every update of a message a new change number, whoever writes it.
            migrationBuilder.Sql("CREATE UNIQUE INDEX \"IX_topics_ChannelId_lower_Subject\" ON topics (\"ChannelId\", lower(\"Subject\"));");
            migrationBuilder.Sql("""
                CREATE FUNCTION messages_next_change_seq() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."ChangeSeq" := nextval('message_change_seq');
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER messages_change_seq BEFORE UPDATE ON messages
                    FOR EACH ROW EXECUTE FUNCTION messages_next_change_seq();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS messages_change_seq ON messages;
                DROP FUNCTION IF EXISTS messages_next_change_seq();
                """);

            migrationBuilder.DropTable(
                name: "channel_subscriptions");

            migrationBuilder.DropTable(
                name: "message_mentions");

            migrationBuilder.DropTable(
                name: "message_revisions");

            migrationBuilder.DropTable(
                name: "message_sightings");

            migrationBuilder.DropTable(
                name: "topic_reads");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "topics");

            migrationBuilder.DropTable(
                name: "channels");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: "5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a05");

            migrationBuilder.DropSequence(
                name: "message_change_seq");
        }
    }
}
