using CecPortal.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CecPortal.Web.Data;

/// <summary>The portal's one database context: Identity plus every feature's entities.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<OutboundEmail> OutboundEmails => Set<OutboundEmail>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
