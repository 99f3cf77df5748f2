using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>What an applicant types on <c>/apply</c>; the select fields hold option values.</summary>
public sealed record Applicant(
    string FullName,
    string WorkEmail,
    string JobTitle,
    string LinkedInUrl,
    string Organisation,
    string OrganisationWebsite,
    string CountryCode,
    string OrganisationSize,
    string SectorCode,
    string SectorDescription,
    string Motivation,
    string SponsorEmail);

/// <summary>The membership application form at <c>/apply</c>, filled in through its labels the way a person would.</summary>
public sealed class ApplyPage(IPage page)
{
    public const string Path = "/apply";

    public ILocator Form => page.GetByTestId("apply-form");

    public ILocator FullName => Field("Full name");

    public ILocator WorkEmail => Field("Work email");

    public ILocator JobTitle => Field("Job title");

    public ILocator LinkedInUrl => Field("LinkedIn profile (optional)");

    public ILocator Organisation => Field("Organisation");

    public ILocator OrganisationWebsite => Field("Organisation website");

    public ILocator Country => Field("Country");

    public ILocator OrganisationSize => Field("Organisation size");

    public ILocator Sector => Field("Sector");

    public ILocator SectorDescription => Field("Your sector, in a few words");

    public ILocator Motivation => Field("Why do you want to join?");

    public ILocator SponsorEmail => Field("Sponsor's email (optional)");

    public ILocator Consent => Form.GetByRole(AriaRole.Checkbox, new() { Name = "I have read the privacy notice", Exact = false });

    public ILocator SubmitButton => Form.GetByRole(AriaRole.Button, new() { Name = "Send my application" });

    /// <summary>The validation summary at the top of the form.</summary>
    public ILocator Errors => page.GetByTestId("apply-errors");

    /// <summary>The message under one field, e.g. <c>ErrorFor("WorkEmail")</c> for <c>Input.WorkEmail</c>.</summary>
    public ILocator ErrorFor(string field) => Form.Locator($"[data-valmsg-for='Input.{field}']");

    /// <summary>The "Check your email" confirmation at <c>/apply/submitted</c>.</summary>
    public ILocator Submitted => page.GetByTestId("apply-submitted");

    public async Task GotoAsync() => await page.GotoAsync(Path);

    /// <summary>Fills in every field and ticks the consent box (does not submit).</summary>
    public async Task FillAsync(Applicant applicant)
    {
        await FullName.FillAsync(applicant.FullName);
        await WorkEmail.FillAsync(applicant.WorkEmail);
        await JobTitle.FillAsync(applicant.JobTitle);
        await LinkedInUrl.FillAsync(applicant.LinkedInUrl);
        await Organisation.FillAsync(applicant.Organisation);
        await OrganisationWebsite.FillAsync(applicant.OrganisationWebsite);
        await Country.SelectOptionAsync(applicant.CountryCode);
        await OrganisationSize.SelectOptionAsync(applicant.OrganisationSize);
        await Sector.SelectOptionAsync(applicant.SectorCode);
        await SectorDescription.FillAsync(applicant.SectorDescription);
        await Motivation.FillAsync(applicant.Motivation);
        await SponsorEmail.FillAsync(applicant.SponsorEmail);
        await Consent.CheckAsync();
    }

    public async Task SubmitAsync() => await SubmitButton.ClickAsync();

    private ILocator Field(string label) => Form.GetByLabel(label, new() { Exact = true });
}
