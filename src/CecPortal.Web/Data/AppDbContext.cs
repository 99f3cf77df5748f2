using CecPortal.Web.Features.Admin.Breach;
using CecPortal.Web.Features.Admin.Vetting;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Deliverability;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Features.Membership.Reference;
using CecPortal.Web.Features.Membership.Vetting;
using CecPortal.Web.Features.PersonalData;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Features.Sharing.Alerts;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Moderation;
using CecPortal.Web.Features.Sharing.Notifications;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Features.Webinars.Mail;
using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace CecPortal.Web.Data;

/// <summary>The portal's one database context: Identity plus every feature's entities.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>Data protection keys live in the database so that every node, the CLI and restarts share them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OutboundEmail> OutboundEmails => Set<OutboundEmail>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Country> Countries => Set<Country>();

    public DbSet<Sector> Sectors => Set<Sector>();

    public DbSet<FreeMailDomain> FreeMailDomains => Set<FreeMailDomain>();

    public DbSet<MembershipApplication> MembershipApplications => Set<MembershipApplication>();

    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();

    public DbSet<ApplicationReview> ApplicationReviews => Set<ApplicationReview>();

    public DbSet<ApplicationFlag> ApplicationFlags => Set<ApplicationFlag>();

    public DbSet<ProfileReview> ProfileReviews => Set<ProfileReview>();

    public DbSet<VetterCountry> VetterCountries => Set<VetterCountry>();

    public DbSet<VetterSector> VetterSectors => Set<VetterSector>();

    /// <summary>Verified applications per country, sector and status, kept by a trigger: the vetting queue's totals.</summary>
    public DbSet<VettingQueueCount> VettingQueueCounts => Set<VettingQueueCount>();

    public DbSet<Briefing> Briefings => Set<Briefing>();

    public DbSet<BriefingDelivery> BriefingDeliveries => Set<BriefingDelivery>();

    public DbSet<ArchivedDeliveryCounts> ArchivedDeliveryCounts => Set<ArchivedDeliveryCounts>();

    public DbSet<WebinarSeries> WebinarSeries => Set<WebinarSeries>();

    public DbSet<WebinarSession> WebinarSessions => Set<WebinarSession>();

    public DbSet<WebinarRegistration> WebinarRegistrations => Set<WebinarRegistration>();

    public DbSet<WebinarSpeaker> WebinarSpeakers => Set<WebinarSpeaker>();

    public DbSet<TalkProposal> TalkProposals => Set<TalkProposal>();

    public DbSet<WebinarReminder> WebinarReminders => Set<WebinarReminder>();

    public DbSet<BlockedEmail> BlockedEmails => Set<BlockedEmail>();

    public DbSet<WebinarAnnouncement> WebinarAnnouncements => Set<WebinarAnnouncement>();

    public DbSet<PrivacyNotice> PrivacyNotices => Set<PrivacyNotice>();

    public DbSet<PrivacyAcceptance> PrivacyAcceptances => Set<PrivacyAcceptance>();

    public DbSet<BreachNotice> BreachNotices => Set<BreachNotice>();

    public DbSet<BreachNoticeRecipient> BreachNoticeRecipients => Set<BreachNoticeRecipient>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<ChannelSubscription> ChannelSubscriptions => Set<ChannelSubscription>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<MessageRevision> MessageRevisions => Set<MessageRevision>();

    public DbSet<MessageMention> MessageMentions => Set<MessageMention>();

    public DbSet<MessageSighting> MessageSightings => Set<MessageSighting>();

    public DbSet<TopicRead> TopicReads => Set<TopicRead>();

    public DbSet<SharingActivity> SharingActivity => Set<SharingActivity>();
    public DbSet<UrgentAlert> UrgentAlerts => Set<UrgentAlert>();
    public DbSet<MessageReport> MessageReports => Set<MessageReport>();

    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<ConsultationQuestion> ConsultationQuestions => Set<ConsultationQuestion>();

    public DbSet<ConsultationResponse> ConsultationResponses => Set<ConsultationResponse>();

    public DbSet<ConsultationAnswer> ConsultationAnswers => Set<ConsultationAnswer>();

    public DbSet<MailBounce> MailBounces => Set<MailBounce>();

    /// <summary>Users holding <paramref name="role"/>, as a query to refine further.</summary>
    public IQueryable<PortalUser> UsersInRole(string role) =>
        Users.Where(u => UserRoles.Any(ur => ur.UserId == u.Id && Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    /// <summary>People who hold at least one of <paramref name="roles"/>.</summary>
    public IQueryable<PortalUser> UsersInAnyRole(IReadOnlyCollection<string> roles) =>
        Users.Where(u => UserRoles.Any(ur => ur.UserId == u.Id && Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
