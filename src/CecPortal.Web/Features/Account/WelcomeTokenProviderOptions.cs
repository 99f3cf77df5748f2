namespace CecPortal.Web.Features.Account;

public sealed class WelcomeTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public WelcomeTokenProviderOptions()
    {
        Name = WelcomeTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}
