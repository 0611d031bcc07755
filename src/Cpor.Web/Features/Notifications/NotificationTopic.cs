namespace Cpor.Web.Features.Notifications;

/// <summary>Why someone gets an e-mail (CPOR.md §8).</summary>
public enum NotificationTopic
{
    /// <summary>To the partner's users: their claim changed status.</summary>
    StatusChanged,

    /// <summary>To the partner's users: a reviewer commented on their claim.</summary>
    ReviewerComment,

    /// <summary>To the partner's users: their claim competes with another partner's and goes to arbitration.</summary>
    ArbitrationStarted,

    /// <summary>To the customer's admins: a partner was approved on their tenant; they may opt out.</summary>
    ConsentRequested,

    /// <summary>To reviewers: a partner disputed a rejection.</summary>
    DisputeReceived,

    /// <summary>To reviewers: the partner answered a request for information.</summary>
    PartnerAnswered,
}
