using System.Globalization;
using System.Resources;
using System.Text;
using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;

namespace Cpor.Web.Features.Notifications;

/// <summary>Who an e-mail goes to, and how they read dates.</summary>
public sealed record Recipient(string? UserId, string Email, string DisplayName, string Language, string TimeZone);

/// <summary>
/// What an e-mail about a history line can say: the line, the claim as it stands, names to show,
/// and the recipient's page of the claim (<see cref="ClaimLinks"/>; empty when they have none).
/// </summary>
public sealed record ClaimFacts(
    ClaimEvent Event,
    Claim Claim,
    string PartnerName,
    string TenantName,
    IReadOnlyList<string> ProductNames,
    string ClaimUrl)
{
    /// <summary>True when the line started the claim's current stage: its deadlines are the ones to quote.</summary>
    public bool IsCurrentStage => Event.Kind == ClaimEventKind.StatusChanged && Event.ToStatus == Claim.Status && Claim.StageEnteredAt == Event.At;
}

public sealed record ComposedEmail(string Subject, string Body);

/// <summary>
/// Writes the e-mails of CPOR.md §8 in the recipient's language (EmailText.resx in en, fr, it),
/// dates in their culture and time zone. Free text typed by people (comments, justifications)
/// is quoted as typed.
/// </summary>
public sealed class EmailComposer
{
    private static readonly ResourceManager Texts = new(typeof(EmailText));

    public ComposedEmail Compose(NotificationTopic topic, ClaimFacts facts, Recipient to, string? optOutUrl = null)
    {
        var culture = Languages.CultureOf(to.Language);
        var zone = Zone(to.TimeZone);
        var w = new Writer(culture, zone);
        var e = facts.Event;
        var claim = facts.Claim;
        var products = string.Join(", ", facts.ProductNames);
        w.Line(w.T("greeting", to.DisplayName));
        w.Blank();
        string subject;
        switch (topic)
        {
            case NotificationTopic.StatusChanged:
                subject = w.T("subject.StatusChanged", claim.Name, StatusName(w, e.ToStatus));
                w.Line(w.T("status_changed", claim.Name, facts.TenantName, StatusName(w, e.FromStatus), StatusName(w, e.ToStatus)));
                if (e.ToStatus is ClaimStatus.Rejected or ClaimStatus.Ended && e.Reason is { } reason)
                {
                    w.Line(w.T("status_reason", w.T("reason." + reason)));
                }

                if (e.Comment is { } comment)
                {
                    w.Line(w.T("status_comment", comment));
                }

                NextSteps(w, facts, products);
                break;
            case NotificationTopic.ReviewerComment:
                subject = w.T("subject.ReviewerComment", claim.Name);
                var author = e.ActorKind == ActorKind.System ? w.T("system_author") : e.ActorName;
                w.Line(w.T("comment_intro", author, claim.Name, facts.TenantName));
                w.Blank();
                w.Quote(CommentText.Of(e, culture) ?? "");
                break;
            case NotificationTopic.ArbitrationStarted:
                subject = w.T("subject.ArbitrationStarted", claim.Name);
                w.Line(w.T("arbitration", claim.Name, facts.TenantName));
                break;
            case NotificationTopic.ConsentRequested:
                var endsAt = claim.ConsentEndsAt ?? e.At;
                subject = w.T("subject.ConsentRequested", facts.PartnerName);
                w.Line(w.T("consent_intro", facts.PartnerName, products, facts.TenantName, claim.Name));
                w.Line(w.T("consent_access", facts.PartnerName));
                w.Blank();
                w.Line(w.T("consent_optout", w.Date(endsAt)));
                w.Line(optOutUrl ?? "");
                w.Blank();
                w.Line(w.T("consent_nothing", w.Date(endsAt)));
                break;
            case NotificationTopic.DisputeReceived:
                subject = w.T("subject.DisputeReceived", claim.Name);
                w.Line(w.T("dispute_intro", facts.PartnerName, claim.Name, facts.TenantName));
                if (e.Comment is { } justification)
                {
                    w.Line(w.T("dispute_justification", justification));
                }

                if (facts.IsCurrentStage && claim.DueAt is { } disputeDue)
                {
                    w.Line(w.T("dispute_due", w.Date(disputeDue)));
                }

                break;
            case NotificationTopic.PartnerAnswered:
                subject = w.T("subject.PartnerAnswered", claim.Name);
                w.Line(w.T("answered_intro", facts.PartnerName, claim.Name, facts.TenantName));
                if (facts.IsCurrentStage && claim.DueAt is { } reviewDue)
                {
                    w.Line(w.T("answered_due", w.Date(reviewDue)));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(topic), topic, null);
        }

        if (facts.ClaimUrl.Length > 0)
        {
            w.Blank();
            w.Line(w.T("open_claim", facts.ClaimUrl));
        }

        w.Blank();
        w.Line("-- ");
        w.Line(w.T("footer"));
        return new ComposedEmail(subject, w.ToString());
    }

    /// <summary>What happens next, with the stage's deadline when the claim is still in it.</summary>
    private static void NextSteps(Writer w, ClaimFacts facts, string products)
    {
        var claim = facts.Claim;
        var current = facts.IsCurrentStage;
        switch (facts.Event.ToStatus)
        {
            case ClaimStatus.Submitted or ClaimStatus.InReview or ClaimStatus.Disputed when current && claim.DueAt is { } due:
                w.Line(w.T("status_next." + claim.Status, w.Date(due)));
                break;
            case ClaimStatus.PartnerActionRequired:
                var reasons = (facts.Event.Reason ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(r => w.T("info." + r));
                var answerBy = current && claim.DueAt is { } answerDue ? w.Date(answerDue) : "—";
                w.Line(w.T("status_next.PartnerActionRequired", string.Join("; ", reasons), answerBy));
                break;
            // The windows stay on the claim after it moved on: quote the one this line opened.
            case ClaimStatus.Approved when claim.ConsentEndsAt is { } consentEnds && consentEnds > facts.Event.At:
                w.Line(w.T("status_next.Approved", w.Date(consentEnds)));
                break;
            case ClaimStatus.Active:
                w.Line(w.T("status_next.Active", products));
                break;
            case ClaimStatus.Ended:
                w.Line(w.T("status_next.Ended"));
                break;
            // A rejection in force that may not be disputed (a withdrawal, a second opt-out or a
            // second rejection) is final: no invitation to dispute it.
            case ClaimStatus.Rejected when facts.Event.Reason != nameof(RejectionReason.PartnerRequest):
                if ((!current || claim.DisputeAllowed) && claim.DisputeWindowEndsAt is { } disputeBy && disputeBy > facts.Event.At)
                {
                    w.Line(w.T("status_next.Rejected.dispute", w.Date(disputeBy), claim.Id));
                }
                else
                {
                    w.Line(w.T("status_next.Rejected.final"));
                }

                break;
        }
    }

    private static string StatusName(Writer w, ClaimStatus? status) => status is { } s ? w.T("status_name." + s) : "—";

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Builds a plain-text body in one culture.</summary>
    private sealed class Writer(CultureInfo culture, TimeZoneInfo zone)
    {
        private readonly StringBuilder _text = new();

        public string T(string key, params object[] args)
        {
            // A missing translation falls back to English rather than showing a key.
            var template = Texts.GetString(key, culture) ?? key;
            return args.Length == 0 ? template : string.Format(culture, template, args);
        }

        public string Date(DateTimeOffset at) =>
            string.Format(culture, "{0} ({1})", TimeZoneInfo.ConvertTime(at, zone).ToString("f", culture), zone.Id);

        public void Line(string text) => _text.Append(text).Append('\n');

        public void Blank() => _text.Append('\n');

        public void Quote(string text)
        {
            foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                _text.Append("> ").Append(line).Append('\n');
            }
        }

        public override string ToString() => _text.ToString();
    }
}
