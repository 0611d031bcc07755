namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>Where a step of the timeline stands.</summary>
public enum StepState
{
    Done,
    Current,
    Upcoming,
}
