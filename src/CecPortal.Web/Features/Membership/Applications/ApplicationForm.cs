namespace CecPortal.Web.Features.Membership.Applications;

/// <summary>What the applicant types on /apply.</summary>
public sealed class ApplicationForm
{
    [Required(ErrorMessage = "Enter your full name.")]
    [StringLength(ApplicationLimits.Name, ErrorMessage = "Your name can have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Full name")]
    public string FullName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your work email address.")]
    [StringLength(ApplicationLimits.Email, ErrorMessage = "An email address has at most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address, such as name@organisation.eu.")]
    [PlainText]
    [Display(Name = "Work email")]
    public string WorkEmail { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your job title.")]
    [StringLength(ApplicationLimits.Title, ErrorMessage = "The job title can have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Job title")]
    public string JobTitle { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your organisation.")]
    [StringLength(ApplicationLimits.Organisation, ErrorMessage = "The organisation can have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Organisation")]
    public string Organisation { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your organisation's website.")]
    [StringLength(ApplicationLimits.Url, ErrorMessage = "The website address can have at most {1} characters.")]
    [Website]
    [PlainText]
    [Display(Name = "Organisation website")]
    public string OrganisationWebsite { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose the country you work in.")]
    [StringLength(2)]
    [Display(Name = "Country")]
    public string CountryCode { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose your organisation's sector.")]
    [StringLength(64)]
    [Display(Name = "Sector")]
    public string SectorCode { get; set; } = string.Empty;

    [StringLength(ApplicationLimits.SectorDescription, ErrorMessage = "The sector description can have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Your sector, in a few words")]
    public string? SectorDescription { get; set; }

    [Required(ErrorMessage = "Choose the size of your organisation.")]
    [Display(Name = "Organisation size")]
    public OrganisationSize? OrganisationSize { get; set; }

    [StringLength(ApplicationLimits.Url, ErrorMessage = "The LinkedIn address can have at most {1} characters.")]
    [Website(RequiredHost = "linkedin.com", ErrorMessage = "Enter the address of your LinkedIn profile, such as https://www.linkedin.com/in/your-name.")]
    [PlainText]
    [Display(Name = "LinkedIn profile (optional)")]
    public string? LinkedInUrl { get; set; }

    [Required(ErrorMessage = "Tell us why you want to join.")]
    [StringLength(ApplicationLimits.Motivation, MinimumLength = 30, ErrorMessage = "Please write between {2} and {1} characters about why you want to join.")]
    [PlainText(AllowLineBreaks = true)]
    [Display(Name = "Why do you want to join?")]
    public string Motivation { get; set; } = string.Empty;

    [StringLength(ApplicationLimits.Email, ErrorMessage = "An email address has at most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter your sponsor's email address, or leave it empty.")]
    [PlainText]
    [Display(Name = "Sponsor's email (optional)")]
    public string? SponsorEmail { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Please agree to the privacy notice to apply.")]
    [Display(Name = "I have read the privacy notice and agree that my application data is processed for vetting.")]
    public bool Consent { get; set; }

    public ApplicationDetails ToDetails() => new(
        FullName, WorkEmail, JobTitle, Organisation, OrganisationWebsite, CountryCode, SectorCode,
        SectorDescription, OrganisationSize!.Value, LinkedInUrl, Motivation, SponsorEmail);
}
