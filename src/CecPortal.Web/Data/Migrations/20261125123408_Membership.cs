using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CecPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Membership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuspendedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "AspNetUsers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "countries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsEligible = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_countries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "free_mail_domains",
                columns: table => new
                {
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_free_mail_domains", x => x.Domain);
                });

            migrationBuilder.CreateTable(
                name: "sectors",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Annex = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sectors", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "vetter_countries",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    CountryCode = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vetter_countries", x => new { x.UserId, x.CountryCode });
                    table.ForeignKey(
                        name: "FK_vetter_countries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_vetter_countries_countries_CountryCode",
                        column: x => x.CountryCode,
                        principalTable: "countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "membership_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WorkEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    EmailDomain = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationWebsite = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    WebsiteDomain = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CountryCode = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SectorDescription = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganisationSize = table.Column<int>(type: "integer", nullable: false),
                    LinkedInUrl = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Motivation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SponsorEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    SponsorResponse = table.Column<int>(type: "integer", nullable: false),
                    ConsentedNoticeVersion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConsentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<int>(type: "integer", nullable: true),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    MemberUserId = table.Column<string>(type: "text", nullable: true),
                    VerificationTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SponsorTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_membership_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_membership_applications_countries_CountryCode",
                        column: x => x.CountryCode,
                        principalTable: "countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_membership_applications_sectors_SectorCode",
                        column: x => x.SectorCode,
                        principalTable: "sectors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vetter_sectors",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vetter_sectors", x => new { x.UserId, x.SectorCode });
                    table.ForeignKey(
                        name: "FK_vetter_sectors_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_vetter_sectors_sectors_SectorCode",
                        column: x => x.SectorCode,
                        principalTable: "sectors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_events_membership_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "membership_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_flags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_flags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_flags_membership_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "membership_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_reviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    ReviewerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Verdict = table.Column<int>(type: "integer", nullable: false),
                    CoversCountry = table.Column<bool>(type: "boolean", nullable: false),
                    CoversSector = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_reviews_membership_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "membership_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "countries",
                columns: new[] { "Code", "IsEligible", "Name" },
                values: new object[,]
                {
                    { "AD", false, "Andorra" },
                    { "AE", false, "United Arab Emirates" },
                    { "AF", false, "Afghanistan" },
                    { "AG", false, "Antigua and Barbuda" },
                    { "AI", false, "Anguilla" },
                    { "AL", false, "Albania" },
                    { "AM", false, "Armenia" },
                    { "AO", false, "Angola" },
                    { "AQ", false, "Antarctica" },
                    { "AR", false, "Argentina" },
                    { "AS", false, "American Samoa" },
                    { "AT", true, "Austria" },
                    { "AU", false, "Australia" },
                    { "AW", false, "Aruba" },
                    { "AX", false, "Åland Islands" },
                    { "AZ", false, "Azerbaijan" },
                    { "BA", false, "Bosnia and Herzegovina" },
                    { "BB", false, "Barbados" },
                    { "BD", false, "Bangladesh" },
                    { "BE", true, "Belgium" },
                    { "BF", false, "Burkina Faso" },
                    { "BG", true, "Bulgaria" },
                    { "BH", false, "Bahrain" },
                    { "BI", false, "Burundi" },
                    { "BJ", false, "Benin" },
                    { "BL", false, "Saint Barthélemy" },
                    { "BM", false, "Bermuda" },
                    { "BN", false, "Brunei" },
                    { "BO", false, "Bolivia" },
                    { "BQ", false, "Bonaire, Sint Eustatius and Saba" },
                    { "BR", false, "Brazil" },
                    { "BS", false, "Bahamas" },
                    { "BT", false, "Bhutan" },
                    { "BV", false, "Bouvet Island" },
                    { "BW", false, "Botswana" },
                    { "BY", false, "Belarus" },
                    { "BZ", false, "Belize" },
                    { "CA", false, "Canada" },
                    { "CC", false, "Cocos (Keeling) Islands" },
                    { "CD", false, "Democratic Republic of the Congo" },
                    { "CF", false, "Central African Republic" },
                    { "CG", false, "Republic of the Congo" },
                    { "CH", true, "Switzerland" },
                    { "CI", false, "Côte d'Ivoire" },
                    { "CK", false, "Cook Islands" },
                    { "CL", false, "Chile" },
                    { "CM", false, "Cameroon" },
                    { "CN", false, "China" },
                    { "CO", false, "Colombia" },
                    { "CR", false, "Costa Rica" },
                    { "CU", false, "Cuba" },
                    { "CV", false, "Cabo Verde" },
                    { "CW", false, "Curaçao" },
                    { "CX", false, "Christmas Island" },
                    { "CY", true, "Cyprus" },
                    { "CZ", true, "Czechia" },
                    { "DE", true, "Germany" },
                    { "DJ", false, "Djibouti" },
                    { "DK", true, "Denmark" },
                    { "DM", false, "Dominica" },
                    { "DO", false, "Dominican Republic" },
                    { "DZ", false, "Algeria" },
                    { "EC", false, "Ecuador" },
                    { "EE", true, "Estonia" },
                    { "EG", false, "Egypt" },
                    { "EH", false, "Western Sahara" },
                    { "ER", false, "Eritrea" },
                    { "ES", true, "Spain" },
                    { "ET", false, "Ethiopia" },
                    { "FI", true, "Finland" },
                    { "FJ", false, "Fiji" },
                    { "FK", false, "Falkland Islands" },
                    { "FM", false, "Micronesia" },
                    { "FO", false, "Faroe Islands" },
                    { "FR", true, "France" },
                    { "GA", false, "Gabon" },
                    { "GB", true, "United Kingdom" },
                    { "GD", false, "Grenada" },
                    { "GE", false, "Georgia" },
                    { "GF", false, "French Guiana" },
                    { "GG", false, "Guernsey" },
                    { "GH", false, "Ghana" },
                    { "GI", false, "Gibraltar" },
                    { "GL", false, "Greenland" },
                    { "GM", false, "Gambia" },
                    { "GN", false, "Guinea" },
                    { "GP", false, "Guadeloupe" },
                    { "GQ", false, "Equatorial Guinea" },
                    { "GR", true, "Greece" },
                    { "GS", false, "South Georgia and the South Sandwich Islands" },
                    { "GT", false, "Guatemala" },
                    { "GU", false, "Guam" },
                    { "GW", false, "Guinea-Bissau" },
                    { "GY", false, "Guyana" },
                    { "HK", false, "Hong Kong" },
                    { "HM", false, "Heard Island and McDonald Islands" },
                    { "HN", false, "Honduras" },
                    { "HR", true, "Croatia" },
                    { "HT", false, "Haiti" },
                    { "HU", true, "Hungary" },
                    { "ID", false, "Indonesia" },
                    { "IE", true, "Ireland" },
                    { "IL", false, "Israel" },
                    { "IM", false, "Isle of Man" },
                    { "IN", false, "India" },
                    { "IO", false, "British Indian Ocean Territory" },
                    { "IQ", false, "Iraq" },
                    { "IR", false, "Iran" },
                    { "IS", true, "Iceland" },
                    { "IT", true, "Italy" },
                    { "JE", false, "Jersey" },
                    { "JM", false, "Jamaica" },
                    { "JO", false, "Jordan" },
                    { "JP", false, "Japan" },
                    { "KE", false, "Kenya" },
                    { "KG", false, "Kyrgyzstan" },
                    { "KH", false, "Cambodia" },
                    { "KI", false, "Kiribati" },
                    { "KM", false, "Comoros" },
                    { "KN", false, "Saint Kitts and Nevis" },
                    { "KP", false, "North Korea" },
                    { "KR", false, "South Korea" },
                    { "KW", false, "Kuwait" },
                    { "KY", false, "Cayman Islands" },
                    { "KZ", false, "Kazakhstan" },
                    { "LA", false, "Laos" },
                    { "LB", false, "Lebanon" },
                    { "LC", false, "Saint Lucia" },
                    { "LI", true, "Liechtenstein" },
                    { "LK", false, "Sri Lanka" },
                    { "LR", false, "Liberia" },
                    { "LS", false, "Lesotho" },
                    { "LT", true, "Lithuania" },
                    { "LU", true, "Luxembourg" },
                    { "LV", true, "Latvia" },
                    { "LY", false, "Libya" },
                    { "MA", false, "Morocco" },
                    { "MC", false, "Monaco" },
                    { "MD", false, "Moldova" },
                    { "ME", false, "Montenegro" },
                    { "MF", false, "Saint Martin" },
                    { "MG", false, "Madagascar" },
                    { "MH", false, "Marshall Islands" },
                    { "MK", false, "North Macedonia" },
                    { "ML", false, "Mali" },
                    { "MM", false, "Myanmar" },
                    { "MN", false, "Mongolia" },
                    { "MO", false, "Macao" },
                    { "MP", false, "Northern Mariana Islands" },
                    { "MQ", false, "Martinique" },
                    { "MR", false, "Mauritania" },
                    { "MS", false, "Montserrat" },
                    { "MT", true, "Malta" },
                    { "MU", false, "Mauritius" },
                    { "MV", false, "Maldives" },
                    { "MW", false, "Malawi" },
                    { "MX", false, "Mexico" },
                    { "MY", false, "Malaysia" },
                    { "MZ", false, "Mozambique" },
                    { "NA", false, "Namibia" },
                    { "NC", false, "New Caledonia" },
                    { "NE", false, "Niger" },
                    { "NF", false, "Norfolk Island" },
                    { "NG", false, "Nigeria" },
                    { "NI", false, "Nicaragua" },
                    { "NL", true, "Netherlands" },
                    { "NO", true, "Norway" },
                    { "NP", false, "Nepal" },
                    { "NR", false, "Nauru" },
                    { "NU", false, "Niue" },
                    { "NZ", false, "New Zealand" },
                    { "OM", false, "Oman" },
                    { "PA", false, "Panama" },
                    { "PE", false, "Peru" },
                    { "PF", false, "French Polynesia" },
                    { "PG", false, "Papua New Guinea" },
                    { "PH", false, "Philippines" },
                    { "PK", false, "Pakistan" },
                    { "PL", true, "Poland" },
                    { "PM", false, "Saint Pierre and Miquelon" },
                    { "PN", false, "Pitcairn Islands" },
                    { "PR", false, "Puerto Rico" },
                    { "PS", false, "Palestine" },
                    { "PT", true, "Portugal" },
                    { "PW", false, "Palau" },
                    { "PY", false, "Paraguay" },
                    { "QA", false, "Qatar" },
                    { "RE", false, "Réunion" },
                    { "RO", true, "Romania" },
                    { "RS", false, "Serbia" },
                    { "RU", false, "Russia" },
                    { "RW", false, "Rwanda" },
                    { "SA", false, "Saudi Arabia" },
                    { "SB", false, "Solomon Islands" },
                    { "SC", false, "Seychelles" },
                    { "SD", false, "Sudan" },
                    { "SE", true, "Sweden" },
                    { "SG", false, "Singapore" },
                    { "SH", false, "Saint Helena, Ascension and Tristan da Cunha" },
                    { "SI", true, "Slovenia" },
                    { "SJ", false, "Svalbard and Jan Mayen" },
                    { "SK", true, "Slovakia" },
                    { "SL", false, "Sierra Leone" },
                    { "SM", false, "San Marino" },
                    { "SN", false, "Senegal" },
                    { "SO", false, "Somalia" },
                    { "SR", false, "Suriname" },
                    { "SS", false, "South Sudan" },
                    { "ST", false, "Sao Tome and Principe" },
                    { "SV", false, "El Salvador" },
                    { "SX", false, "Sint Maarten" },
                    { "SY", false, "Syria" },
                    { "SZ", false, "Eswatini" },
                    { "TC", false, "Turks and Caicos Islands" },
                    { "TD", false, "Chad" },
                    { "TF", false, "French Southern Territories" },
                    { "TG", false, "Togo" },
                    { "TH", false, "Thailand" },
                    { "TJ", false, "Tajikistan" },
                    { "TK", false, "Tokelau" },
                    { "TL", false, "Timor-Leste" },
                    { "TM", false, "Turkmenistan" },
                    { "TN", false, "Tunisia" },
                    { "TO", false, "Tonga" },
                    { "TR", false, "Türkiye" },
                    { "TT", false, "Trinidad and Tobago" },
                    { "TV", false, "Tuvalu" },
                    { "TW", false, "Taiwan" },
                    { "TZ", false, "Tanzania" },
                    { "UA", false, "Ukraine" },
                    { "UG", false, "Uganda" },
                    { "UM", false, "United States Minor Outlying Islands" },
                    { "US", false, "United States" },
                    { "UY", false, "Uruguay" },
                    { "UZ", false, "Uzbekistan" },
                    { "VA", false, "Vatican City" },
                    { "VC", false, "Saint Vincent and the Grenadines" },
                    { "VE", false, "Venezuela" },
                    { "VG", false, "British Virgin Islands" },
                    { "VI", false, "U.S. Virgin Islands" },
                    { "VN", false, "Vietnam" },
                    { "VU", false, "Vanuatu" },
                    { "WF", false, "Wallis and Futuna" },
                    { "WS", false, "Samoa" },
                    { "YE", false, "Yemen" },
                    { "YT", false, "Mayotte" },
                    { "ZA", false, "South Africa" },
                    { "ZM", false, "Zambia" },
                    { "ZW", false, "Zimbabwe" }
                });

            migrationBuilder.InsertData(
                table: "free_mail_domains",
                column: "Domain",
                values: new object[]
                {
                    "abv.bg",
                    "alice.it",
                    "aol.com",
                    "bluewin.ch",
                    "btinternet.com",
                    "centrum.cz",
                    "fastmail.com",
                    "free.fr",
                    "freenet.de",
                    "gmail.com",
                    "gmx.at",
                    "gmx.ch",
                    "gmx.com",
                    "gmx.de",
                    "gmx.net",
                    "googlemail.com",
                    "hetnet.nl",
                    "hotmail.co.uk",
                    "hotmail.com",
                    "hotmail.de",
                    "hotmail.es",
                    "hotmail.fr",
                    "hotmail.it",
                    "hushmail.com",
                    "icloud.com",
                    "interia.pl",
                    "kpnmail.nl",
                    "laposte.net",
                    "libero.it",
                    "live.be",
                    "live.co.uk",
                    "live.com",
                    "live.de",
                    "live.fr",
                    "live.it",
                    "live.nl",
                    "mac.com",
                    "mail.com",
                    "mail.ru",
                    "me.com",
                    "msn.com",
                    "o2.pl",
                    "onet.pl",
                    "orange.fr",
                    "outlook.com",
                    "outlook.de",
                    "outlook.es",
                    "outlook.fr",
                    "outlook.it",
                    "pm.me",
                    "proton.me",
                    "protonmail.ch",
                    "protonmail.com",
                    "rocketmail.com",
                    "seznam.cz",
                    "sfr.fr",
                    "sky.com",
                    "skynet.be",
                    "t-online.de",
                    "telenet.be",
                    "tiscali.it",
                    "tuta.io",
                    "tutanota.com",
                    "tutanota.de",
                    "virgilio.it",
                    "virginmedia.com",
                    "wanadoo.fr",
                    "web.de",
                    "wp.pl",
                    "yahoo.co.uk",
                    "yahoo.com",
                    "yahoo.de",
                    "yahoo.es",
                    "yahoo.fr",
                    "yahoo.it",
                    "yandex.com",
                    "yandex.ru",
                    "ymail.com",
                    "ziggo.nl",
                    "zoho.com"
                });

            migrationBuilder.InsertData(
                table: "sectors",
                columns: new[] { "Code", "Annex", "Name", "SortOrder" },
                values: new object[,]
                {
                    { "banking", 1, "Banking", 3 },
                    { "chemicals", 2, "Chemicals", 14 },
                    { "digital-infrastructure", 1, "Digital infrastructure", 8 },
                    { "digital-providers", 2, "Digital providers", 17 },
                    { "drinking-water", 1, "Drinking water", 6 },
                    { "energy", 1, "Energy", 1 },
                    { "financial-market-infrastructures", 1, "Financial market infrastructures", 4 },
                    { "food", 2, "Food", 15 },
                    { "health", 1, "Health", 5 },
                    { "ict-service-management", 1, "ICT service management (B2B)", 9 },
                    { "manufacturing", 2, "Manufacturing", 16 },
                    { "other", 0, "Other (e.g. insurance, retail)", 99 },
                    { "postal-courier", 2, "Postal and courier services", 12 },
                    { "public-administration", 1, "Public administration", 10 },
                    { "research", 2, "Research", 18 },
                    { "space", 1, "Space", 11 },
                    { "transport", 1, "Transport", 2 },
                    { "waste-management", 2, "Waste management", 13 },
                    { "waste-water", 1, "Waste water", 7 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CountryCode_SectorCode",
                table: "AspNetUsers",
                columns: new[] { "CountryCode", "SectorCode" });

            migrationBuilder.CreateIndex(
                name: "IX_application_events_ApplicationId_At",
                table: "application_events",
                columns: new[] { "ApplicationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_application_flags_ApplicationId",
                table: "application_flags",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_application_flags_Kind_ApplicationId",
                table: "application_flags",
                columns: new[] { "Kind", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_application_reviews_ApplicationId_Round_ReviewerId",
                table: "application_reviews",
                columns: new[] { "ApplicationId", "Round", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Subject_At",
                table: "audit_entries",
                columns: new[] { "Subject", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_CountryCode_Status_VerifiedAt",
                table: "membership_applications",
                columns: new[] { "CountryCode", "Status", "VerifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_EmailDomain",
                table: "membership_applications",
                column: "EmailDomain");

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_NormalizedEmail",
                table: "membership_applications",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_SectorCode_Status_VerifiedAt",
                table: "membership_applications",
                columns: new[] { "SectorCode", "Status", "VerifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_Status_CreatedAt",
                table: "membership_applications",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_Status_VerifiedAt",
                table: "membership_applications",
                columns: new[] { "Status", "VerifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_vetter_countries_CountryCode",
                table: "vetter_countries",
                column: "CountryCode");

            migrationBuilder.CreateIndex(
                name: "IX_vetter_sectors_SectorCode",
                table: "vetter_sectors",
                column: "SectorCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_events");

            migrationBuilder.DropTable(
                name: "application_flags");

            migrationBuilder.DropTable(
                name: "application_reviews");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "free_mail_domains");

            migrationBuilder.DropTable(
                name: "vetter_countries");

            migrationBuilder.DropTable(
                name: "vetter_sectors");

            migrationBuilder.DropTable(
                name: "membership_applications");

            migrationBuilder.DropTable(
                name: "countries");

            migrationBuilder.DropTable(
                name: "sectors");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_CountryCode_SectorCode",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "AspNetUsers");
        }
    }
}
