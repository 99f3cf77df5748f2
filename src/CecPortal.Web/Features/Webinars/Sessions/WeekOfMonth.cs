namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>Which of the month's weekdays a series meets on: the first to the fourth, or the last.</summary>
public enum WeekOfMonth
{
    First = 1,
    Second = 2,
    Third = 3,
    Fourth = 4,
    Last = 5,
}
