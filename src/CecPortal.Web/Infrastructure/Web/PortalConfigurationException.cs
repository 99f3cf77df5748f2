namespace CecPortal.Web.Infrastructure.Web;

/// <summary>The portal cannot start with this configuration; the message says what to set, in one sentence.</summary>
public sealed class PortalConfigurationException(string message) : Exception(message);
