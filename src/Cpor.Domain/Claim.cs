namespace Cpor.Domain;

/// <summary>
/// A partner's claim that it influenced a customer's use of some workloads or subscriptions.
/// State changes only through these methods, and each asks <see cref="ClaimLifecycle"/> first
/// and appends its history line. Methods return a <see cref="DomainError"/> instead of changing
/// anything when the change is not allowed.
/// </summary>
public sealed class Claim
{
    private readonly List<ClaimProduct> _products = [];
    private readonly List<ClaimAttachment> _attachments = [];
    private readonly List<Association> _associations = [];
    private readonly List<ClaimEvent> _newEvents = [];
    private readonly List<ClaimComment> _newComments = [];
    private bool _versionBumped;

    private Claim()
    {
    }

    public string Id { get; private set; } = "";

    public string PartnerOrgId { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The partner's own CRM reference, unique per partner organisation.</summary>
    public string? ExternalId { get; private set; }

    public string MpnId { get; private set; } = "";

    public Guid TenantId { get; private set; }

    public string CustomerDomain { get; private set; } = "";

    public SolutionArea SolutionArea { get; private set; }

    public Activity Activity { get; private set; }

    /// <summary>The program the activity counts for; null for revenue association.</summary>
    public string? ProgramId { get; private set; }

    public Contact CustomerContact { get; private set; } = new("", "", "");

    public Contact? TechnicalContact { get; private set; }

    public Contact PartnerContact { get; private set; } = new("", null, "");

    public RevenueAssociationDetails? RevenueAssociation { get; private set; }

    public ClaimStatus Status { get; private set; }

    /// <summary>The <see cref="RejectionReason"/> or <see cref="EndReason"/> of a Rejected or Ended claim.</summary>
    public string? StatusReason { get; private set; }

    /// <summary>What the reviewer asked for, while the claim waits for the partner.</summary>
    public List<InfoRequestReason> InfoRequestReasons { get; private set; } = [];

    /// <summary>Another partner holds or claims one of the units: the claim goes to arbitration.</summary>
    public bool Competing { get; private set; }

    /// <summary>When the current stage should be done (SLA stages) or times out (partner response).</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public DateTimeOffset? ConsentEndsAt { get; private set; }

    public DateTimeOffset? DisputeWindowEndsAt { get; private set; }

    /// <summary>A claim may be disputed once.</summary>
    public bool Disputed { get; private set; }

    /// <summary>The partner's justification of its dispute.</summary>
    public string? DisputeJustification { get; private set; }

    /// <summary>The reviewer who started the current review.</summary>
    public string? ReviewerId { get; private set; }

    public DateTimeOffset StageEnteredAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Total time the claim waited for the partner's answers (excluded from the review SLA).</summary>
    public TimeSpan PartnerResponseTime { get; private set; }

    /// <summary>When the clock has something to do with this claim; drives the scheduler.</summary>
    public DateTimeOffset? NextAutoActionAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>Optimistic concurrency: bumped once per saved change, exposed as the ETag.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ClaimProduct> Products => _products;

    public IReadOnlyList<ClaimAttachment> Attachments => _attachments;

    public IReadOnlyList<Association> Associations => _associations;

    /// <summary>History lines produced since the claim was loaded; the persistence layer appends them.</summary>
    public IReadOnlyList<ClaimEvent> NewEvents => _newEvents;

    /// <summary>Comments added to the thread since the claim was loaded; the persistence layer inserts them with the history.</summary>
    public IReadOnlyList<ClaimComment> NewComments => _newComments;

    public void ClearNewEvents()
    {
        _newEvents.Clear();
        _newComments.Clear();
        _versionBumped = false;
    }

    /// <summary>True when a stage SLA (or the partner's answer deadline) has passed.</summary>
    public bool IsOverdue(DateTimeOffset now) => DueAt is { } due && now > due && Status switch
    {
        ClaimStatus.Submitted or ClaimStatus.Disputed or ClaimStatus.PartnerActionRequired => true,
        // Arbitration may legitimately keep a competing claim in review longer (CPOR.md §6).
        ClaimStatus.InReview => !Competing,
        ClaimStatus.Draft or ClaimStatus.Approved or ClaimStatus.Active or ClaimStatus.Rejected or ClaimStatus.Ended => false,
    };

    public static Claim Create(ClaimDetails details, IReadOnlyList<ResolvedProduct> products, string partnerOrgId, bool competing, TransitionContext ctx)
    {
        var claim = new Claim
        {
            Id = Ids.New("clm", ctx.Now),
            PartnerOrgId = partnerOrgId,
            Status = ClaimStatus.Draft,
            Competing = competing,
            CreatedAt = ctx.Now,
            CreatedBy = ctx.Actor.Name,
            StageEnteredAt = ctx.Now,
            Version = 0,
        };
        claim.ApplyDetails(details);
        claim.ReplaceProducts(products);
        claim.Touch(ctx);
        claim.Record(ctx, ClaimEventKind.Created, e => e.Changes = Describe(details, claim._products.Select(p => p.ToResolved()).ToList())
            .Select(f => new FieldChange(f.Field, null, f.Value)).ToList());
        return claim;
    }

    /// <summary>Changes partner fields; what may change depends on the status (CPOR.md §5).</summary>
    public DomainError? Edit(ClaimDetails details, IReadOnlyList<ResolvedProduct> products, TransitionContext ctx)
    {
        var before = Describe(CurrentDetails(), _products.Select(p => p.ToResolved()).ToList());
        var after = Describe(details, products);
        var changes = before.Zip(after)
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => new FieldChange(pair.First.Field, pair.First.Value, pair.Second.Value))
            .ToList();
        if (changes.Count == 0)
        {
            return null;
        }

        var refused = changes.FirstOrDefault(c => !ClaimLifecycle.CanEdit(Status, c.Field));
        if (refused is not null)
        {
            return ClaimLifecycle.NotEditable(Status, refused.Field);
        }

        ApplyDetails(details);
        ReplaceProducts(products);
        Touch(ctx);
        Record(ctx, ClaimEventKind.Edited, e => e.Changes = changes);
        return null;
    }

    /// <summary>The partner fields as they stand.</summary>
    public ClaimDetails CurrentDetails() => new(
        Name, ExternalId, MpnId, TenantId, CustomerDomain, SolutionArea, Activity,
        CustomerContact, TechnicalContact, PartnerContact, RevenueAssociation);

    /// <summary>Draft or PartnerActionRequired → Submitted. Needs at least one PoE file.</summary>
    public DomainError? Submit(TransitionContext ctx)
    {
        if (WhyNot(ClaimAction.Submit) is { } refused)
        {
            return refused;
        }

        if (_attachments.Count == 0)
        {
            return new DomainError(ErrorCodes.PoeRequired, "attachments");
        }

        if (Status == ClaimStatus.PartnerActionRequired)
        {
            PartnerResponseTime += ctx.Now - StageEnteredAt;
        }

        Move(ClaimAction.Submit, ctx, reason: null, comment: null);
        return null;
    }

    /// <summary>
    /// The partner takes its claim back: an open claim is Rejected (PartnerRequest); an Approved
    /// or Active association stops (Rejected during the consent window, Ended after it).
    /// </summary>
    public DomainError? Withdraw(TransitionContext ctx, string? comment)
    {
        if (WhyNot(ClaimAction.Withdraw) is { } refused)
        {
            return refused;
        }

        if (Status == ClaimStatus.Active)
        {
            EndAssociations(EndReason.PartnerEnded, ctx.Now);
            Move(ClaimAction.Withdraw, ctx, nameof(EndReason.PartnerEnded), comment);
        }
        else
        {
            CancelAssociations(ctx.Now);
            Move(ClaimAction.Withdraw, ctx, nameof(RejectionReason.PartnerRequest), comment);
        }

        return null;
    }

    /// <summary>Submitted or Disputed → InReview; the reviewer becomes the claim's reviewer.</summary>
    public DomainError? StartReview(TransitionContext ctx)
    {
        if (WhyNot(ClaimAction.StartReview) is { } refused)
        {
            return refused;
        }

        ReviewerId = ctx.Actor.Id;
        Move(ClaimAction.StartReview, ctx, reason: null, comment: null);
        return null;
    }

    /// <summary>InReview → PartnerActionRequired with one or more reasons and a comment.</summary>
    public DomainError? RequestInfo(IReadOnlyCollection<InfoRequestReason> reasons, string? comment, TransitionContext ctx)
    {
        if (WhyNot(ClaimAction.RequestInfo) is { } refused)
        {
            return refused;
        }

        if (reasons.Count == 0)
        {
            return new DomainError(ErrorCodes.InfoReasonsRequired, "reasons");
        }

        InfoRequestReasons = [.. reasons.Distinct().Order()];
        Move(ClaimAction.RequestInfo, ctx, string.Join(",", InfoRequestReasons), comment, threaded: true);
        return null;
    }

    /// <summary>
    /// InReview or Disputed → Approved: one association per product, holding the unit while the
    /// customer's consent window runs.
    /// </summary>
    public DomainError? Approve(int consentWindowDays, string? comment, TransitionContext ctx)
    {
        if (WhyNot(ClaimAction.Approve) is { } refused)
        {
            return refused;
        }

        foreach (var product in _products)
        {
            _associations.Add(new Association(Ids.New("asc", ctx.Now), this, product, ctx.Now));
        }

        Move(ClaimAction.Approve, ctx, reason: null, comment, consentWindowDays, threaded: true);
        return null;
    }

    /// <summary>InReview or Disputed → Rejected with a reviewer's reason.</summary>
    public DomainError? Reject(RejectionReason reason, string? comment, TransitionContext ctx)
    {
        if (WhyNot(ClaimAction.Reject) is { } refused)
        {
            return refused;
        }

        if (!IsReviewerReason(reason))
        {
            return new DomainError(ErrorCodes.ReasonNotAllowed, "reason", reason);
        }

        Move(ClaimAction.Reject, ctx, reason.ToString(), comment, threaded: true);
        return null;
    }

    /// <summary>
    /// The rejection reasons a reviewer may give: all but the customer's opt-out and the clock's
    /// "no partner response", which only they give.
    /// </summary>
    public static bool IsReviewerReason(RejectionReason reason) => reason switch
    {
        RejectionReason.CustomerDenied or RejectionReason.NoPartnerResponse => false,
        RejectionReason.PartnerRequest or RejectionReason.InsufficientPoe or RejectionReason.CustomerConsentMissing
            or RejectionReason.ProductsMissing or RejectionReason.PoeNotAvailable => true,
    };

    /// <summary>The customer says no during the consent window: Approved → Rejected (CustomerDenied).</summary>
    public DomainError? OptOut(string? comment, TransitionContext ctx)
    {
        if (Status == ClaimStatus.Active || (Status == ClaimStatus.Approved && ConsentEndsAt is { } end && ctx.Now >= end))
        {
            return new DomainError(ErrorCodes.ConsentWindowClosed, null, ConsentEndsAt?.ToString("O") ?? "");
        }

        if (WhyNot(ClaimAction.OptOut) is { } refused)
        {
            return refused;
        }

        CancelAssociations(ctx.Now);
        Move(ClaimAction.OptOut, ctx, nameof(RejectionReason.CustomerDenied), comment);
        return null;
    }

    /// <summary>Why the clock may not take this action now: the status does not allow it, or its moment (when set) has not come.</summary>
    private DomainError? WhyNotDue(ClaimAction action, DateTimeOffset? dueAt, DateTimeOffset now) =>
        WhyNot(action) ?? (dueAt is { } due && now < due ? new DomainError(ErrorCodes.NotYetDue, null, due.ToString("O")) : null);

    /// <summary>Clock: the consent window ended without an opt-out; Approved → Active.</summary>
    public DomainError? CompleteConsentWindow(TransitionContext ctx)
    {
        if (WhyNotDue(ClaimAction.ConsentWindowEnd, ConsentEndsAt, ctx.Now) is { } refused)
        {
            return refused;
        }

        foreach (var association in _associations.Where(a => a.State == AssociationState.Approved))
        {
            association.Activate(ctx.Now);
        }

        Move(ClaimAction.ConsentWindowEnd, ctx, reason: null, comment: null);
        return null;
    }

    /// <summary>Clock: no answer to a request for information in time; → Rejected (NoPartnerResponse).</summary>
    public DomainError? TimeOutPartnerResponse(TransitionContext ctx)
    {
        if (WhyNotDue(ClaimAction.PartnerResponseTimeout, DueAt, ctx.Now) is { } refused)
        {
            return refused;
        }

        PartnerResponseTime += ctx.Now - StageEnteredAt;
        Move(ClaimAction.PartnerResponseTimeout, ctx, nameof(RejectionReason.NoPartnerResponse), comment: null);
        return null;
    }

    /// <summary>
    /// Whether this rejection may be disputed at all (CPOR.md §5): not a partner's own withdrawal,
    /// and not a claim that already used its one dispute — a second opt-out or a second rejection
    /// is final. The window's 30 days are <see cref="DisputeWindowEndsAt"/>.
    /// </summary>
    public bool DisputeAllowed => Status == ClaimStatus.Rejected && !Disputed && DisputeWindowEndsAt is not null;

    /// <summary>Whether the partner may dispute now: the rejection allows it and its window is still open.</summary>
    public bool MayBeDisputedAt(DateTimeOffset now) => DisputeAllowed && now <= DisputeWindowEndsAt;

    /// <summary>
    /// Rejected → Disputed, once, within the dispute window, with a justification or PoE added
    /// since the rejection.
    /// </summary>
    public DomainError? Dispute(string? justification, TransitionContext ctx)
    {
        if (WhyNot(ClaimAction.Dispute) is { } refused)
        {
            return refused;
        }

        if (!DisputeAllowed)
        {
            return new DomainError(ErrorCodes.DisputeNotAllowed);
        }

        if (!MayBeDisputedAt(ctx.Now))
        {
            return new DomainError(ErrorCodes.DisputeWindowClosed, null, DisputeWindowEndsAt?.ToString("O") ?? "");
        }

        // Strictly after: the files the reviewer already judged were uploaded before (or at) the rejection.
        var newPoe = _attachments.Any(a => a.UploadedAt > StageEnteredAt);
        if (string.IsNullOrWhiteSpace(justification) && !newPoe)
        {
            return new DomainError(ErrorCodes.DisputeJustificationRequired, "justification");
        }

        Disputed = true;
        DisputeJustification = string.IsNullOrWhiteSpace(justification) ? null : justification.Trim();
        Move(ClaimAction.Dispute, ctx, StatusReason, DisputeJustification);
        return null;
    }

    /// <summary>Clock: the dispute window passed unused; nothing changes but the history says so.</summary>
    public DomainError? CloseDisputeWindow(TransitionContext ctx)
    {
        if (Status != ClaimStatus.Rejected || Disputed || DisputeWindowEndsAt is null)
        {
            return new DomainError(ErrorCodes.InvalidTransition, null, Status, ClaimEventKind.DisputeWindowClosed);
        }

        if (ctx.Now <= DisputeWindowEndsAt)
        {
            return new DomainError(ErrorCodes.NotYetDue, null, DisputeWindowEndsAt.Value.ToString("O"));
        }

        NextAutoActionAt = null;
        Touch(ctx);
        Record(ctx, ClaimEventKind.DisputeWindowClosed, _ => { });
        return null;
    }

    /// <summary>The customer ends the claim's official associations, all of its units at once.</summary>
    public DomainError? EndAssociation(EndReason reason, string? comment, TransitionContext ctx)
    {
        if (WhyNot(ClaimAction.EndAssociation) is { } refused)
        {
            return refused;
        }

        if (reason is EndReason.Superseded or EndReason.PartnerEnded)
        {
            // Supersede() and Withdraw() carry those.
            return new DomainError(ErrorCodes.ReasonNotAllowed, "reason", reason);
        }

        EndUnits([.. _associations.Where(a => a.HoldsUnit)], reason, ClaimAction.EndAssociation, comment, ctx);
        return null;
    }

    /// <summary>
    /// Some units lost their Active association — the subscription ended, the workload was removed
    /// from the tenant, a legacy association expired: only those end; the claim stays Active with
    /// its other units and ends with the last one (CPOR.md §6, §9).
    /// </summary>
    public DomainError? EndUnits(IReadOnlyCollection<string> associationIds, EndReason reason, TransitionContext ctx)
    {
        if (WhyNot(ClaimAction.EndAssociation) is { } refused)
        {
            return refused;
        }

        if (reason is not (EndReason.SubscriptionEnded or EndReason.WorkloadRemoved))
        {
            return new DomainError(ErrorCodes.ReasonNotAllowed, "reason", reason.ToString());
        }

        var ending = _associations.Where(a => a.State == AssociationState.Active && associationIds.Contains(a.Id)).ToList();
        if (ending.Count == 0)
        {
            return new DomainError(ErrorCodes.InvalidTransition, null, Status.ToString(), nameof(ClaimAction.EndAssociation));
        }

        EndUnits(ending, reason, ClaimAction.EndAssociation, comment: null, ctx);
        return null;
    }

    /// <summary>
    /// Arbitration gave some of this claim's units to the claim <paramref name="challengerClaimId"/>
    /// (CPOR.md §6): their associations keep holding the units and are handed over when the
    /// challenger's become Active (<see cref="Supersede"/>), or kept if the customer refuses the
    /// challenger (<see cref="KeepUnits"/>). A unit already promised to a third claim cannot be
    /// promised again (<c>handover_pending</c>).
    /// </summary>
    public DomainError? MarkSuperseded(string challengerClaimId, IReadOnlyCollection<string> unitKeys, TransitionContext ctx)
    {
        if (WhyNot(ClaimAction.Supersede) is { } refused)
        {
            return refused;
        }

        var marked = _associations.Where(a => a.HoldsUnit && unitKeys.Contains(a.UnitKey)).ToList();
        if (marked.FirstOrDefault(a => a.SupersededByClaimId is { } other && other != challengerClaimId) is { } pending)
        {
            return new DomainError(ErrorCodes.HandoverPending, "products", pending.UnitLabel);
        }

        var newly = marked.Where(a => a.SupersededByClaimId is null).ToList();
        if (newly.Count == 0)
        {
            return null;
        }

        foreach (var association in newly)
        {
            association.HandOverTo(challengerClaimId);
        }

        Touch(ctx);
        Record(ctx, ClaimEventKind.HandoverPending, e => e.Changes = [new FieldChange("handover", null, string.Join(", ", newly.Select(a => a.UnitLabel)))]);
        return null;
    }

    /// <summary>
    /// The challenger's association became Active: this claim's associations promised to it end
    /// (Superseded) — only those units; the claim ends (Superseded) with the last unit it holds.
    /// </summary>
    public DomainError? Supersede(string challengerClaimId, TransitionContext ctx)
    {
        if (WhyNot(ClaimAction.Supersede) is { } refused)
        {
            return refused;
        }

        var ending = _associations.Where(a => a.HoldsUnit && a.SupersededByClaimId == challengerClaimId).ToList();
        if (ending.Count == 0)
        {
            return new DomainError(ErrorCodes.InvalidTransition, null, Status.ToString(), nameof(ClaimAction.Supersede));
        }

        EndUnits(ending, EndReason.Superseded, ClaimAction.Supersede, comment: null, ctx);
        return null;
    }

    /// <summary>
    /// The challenger will not take the units (the customer opted out of it, its partner withdrew):
    /// this claim keeps them as if nothing had happened.
    /// </summary>
    public DomainError? KeepUnits(string challengerClaimId, TransitionContext ctx)
    {
        var kept = _associations.Where(a => a.HoldsUnit && a.SupersededByClaimId == challengerClaimId).ToList();
        if (kept.Count == 0)
        {
            return new DomainError(ErrorCodes.InvalidTransition, null, Status.ToString(), nameof(ClaimEventKind.HandoverCancelled));
        }

        foreach (var association in kept)
        {
            association.KeepUnit();
        }

        Touch(ctx);
        Record(ctx, ClaimEventKind.HandoverCancelled, e => e.Changes = [new FieldChange("handover", string.Join(", ", kept.Select(a => a.UnitLabel)), null)]);
        return null;
    }

    /// <summary>The association that stands for <paramref name="unitKey"/> now: the newest one (ids grow with time).</summary>
    public Association? AssociationOf(string unitKey) =>
        _associations.Where(a => a.UnitKey == unitKey).MaxBy(a => a.Id, StringComparer.Ordinal);

    /// <summary>
    /// An association made before CPOR (CPOR.md §12): created Active, ending by itself when the
    /// subscription expires.
    /// </summary>
    public static Claim ImportLegacy(ClaimDetails details, IReadOnlyList<ResolvedProduct> products, string partnerOrgId, DateTimeOffset activeFrom, DateTimeOffset? expiresAt, TransitionContext ctx)
    {
        var claim = Create(details, products, partnerOrgId, competing: false, ctx);
        foreach (var product in claim._products)
        {
            var association = new Association(Ids.New("asc", ctx.Now), claim, product, activeFrom);
            association.MarkLegacy(activeFrom, expiresAt);
            claim._associations.Add(association);
        }

        var from = claim.Status;
        claim.Status = ClaimStatus.Active;
        claim.StageEnteredAt = ctx.Now;
        claim.DecidedAt = activeFrom;
        claim.SetOpen();
        claim.Record(ctx, ClaimEventKind.StatusChanged, e =>
        {
            e.FromStatus = from;
            e.ToStatus = ClaimStatus.Active;
            e.Comment = "legacy";
        });
        return claim;
    }

    /// <summary>Why PoE files cannot be added now (<c>field_not_editable</c>), or null when they can (<see cref="ClaimLifecycle.AcceptsAttachments"/>).</summary>
    public DomainError? WhyNotAttach() =>
        ClaimLifecycle.AcceptsAttachments(Status) ? null : ClaimLifecycle.NotEditable(Status, "attachments");

    public DomainError? AddAttachment(ClaimAttachment attachment, TransitionContext ctx)
    {
        if (WhyNotAttach() is { } refused)
        {
            return refused;
        }

        _attachments.Add(attachment);
        Touch(ctx);
        Record(ctx, ClaimEventKind.AttachmentAdded, e =>
        {
            e.SubjectId = attachment.Id;
            e.Changes = [new FieldChange("attachments", null, attachment.FileName)];
        });
        return null;
    }

    /// <summary>PoE files can be removed from a Draft only; afterwards reviewers may have seen them.</summary>
    public DomainError? RemoveAttachment(string attachmentId, TransitionContext ctx)
    {
        var attachment = _attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null)
        {
            return new DomainError(ErrorCodes.AttachmentNotFound, "attachmentId");
        }

        if (Status != ClaimStatus.Draft)
        {
            return ClaimLifecycle.NotEditable(Status, "attachments");
        }

        _attachments.Remove(attachment);
        Touch(ctx);
        Record(ctx, ClaimEventKind.AttachmentRemoved, e =>
        {
            e.SubjectId = attachment.Id;
            e.Changes = [new FieldChange("attachments", attachment.FileName, null)];
        });
        return null;
    }

    /// <summary>Adds a comment to the thread (<see cref="NewComments"/>); the history records it too.</summary>
    public ClaimComment AddComment(string body, TransitionContext ctx)
    {
        var comment = new ClaimComment(Ids.New("cmt", ctx.Now), Id, ctx.Actor, body, ctx.Now);
        _newComments.Add(comment);
        Touch(ctx);
        Record(ctx, ClaimEventKind.CommentAdded, e =>
        {
            e.SubjectId = comment.Id;
            e.Comment = body;
        });
        return comment;
    }

    /// <summary>
    /// Adds a text of the system to the thread as a key and arguments, not as words: every reader,
    /// on a page, in the API or in an e-mail, gets it in their own language.
    /// </summary>
    public ClaimComment AddSystemComment(string textKey, IReadOnlyList<string> textArgs, TransitionContext ctx)
    {
        var comment = new ClaimComment(Ids.New("cmt", ctx.Now), Id, ctx.Actor, textKey, textArgs, ctx.Now);
        _newComments.Add(comment);
        Touch(ctx);
        Record(ctx, ClaimEventKind.CommentAdded, e =>
        {
            e.SubjectId = comment.Id;
            e.CommentKey = textKey;
            e.CommentArgs = [.. textArgs];
        });
        return comment;
    }

    /// <summary>Another partner holds or claims a unit of this claim: it needs arbitration.</summary>
    public void MarkCompeting(TransitionContext ctx)
    {
        if (Competing)
        {
            return;
        }

        Competing = true;
        Touch(ctx);
        Record(ctx, ClaimEventKind.MarkedCompeting, e => e.Changes = [new FieldChange("competing", "false", "true")]);
    }

    /// <summary>Whether the lifecycle lets <paramref name="action"/> happen to this claim now.</summary>
    public bool CanDo(ClaimAction action) => ClaimLifecycle.Target(Status, action) is not null;

    /// <summary>
    /// Why <paramref name="action"/> cannot happen now (<c>invalid_transition</c>), or null when it
    /// can: callers that check before doing other work ask here rather than build the error.
    /// </summary>
    public DomainError? WhyNot(ClaimAction action) =>
        CanDo(action) ? null : new DomainError(ErrorCodes.InvalidTransition, null, Status, action);

    /// <summary>
    /// Changes the status. A <paramref name="threaded"/> comment (a reviewer's, whatever decision
    /// carries it) is also a message of the thread; the history line names it, and is the only
    /// line about it, so the partner hears of it once.
    /// </summary>
    private void Move(ClaimAction action, TransitionContext ctx, string? reason, string? comment, int consentWindowDays = 0, bool threaded = false)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment;
        var message = threaded && comment is not null ? new ClaimComment(Ids.New("cmt", ctx.Now), Id, ctx.Actor, comment, ctx.Now) : null;
        if (message is not null)
        {
            _newComments.Add(message);
        }

        var from = Status;
        var to = ClaimLifecycle.Target(from, action)
            ?? throw new InvalidOperationException($"{action} from {from} was not checked first.");
        Status = to;
        StageEnteredAt = ctx.Now;
        StatusReason = to is ClaimStatus.Rejected or ClaimStatus.Ended ? reason : null;
        if (to != ClaimStatus.PartnerActionRequired)
        {
            InfoRequestReasons = [];
        }

        EnterStage(to, ctx, consentWindowDays);
        SetOpen();
        Touch(ctx);
        Record(ctx, ClaimEventKind.StatusChanged, e =>
        {
            e.Action = action;
            e.FromStatus = from;
            e.ToStatus = to;
            e.Reason = reason;
            e.Comment = comment;
            e.SubjectId = message?.Id;
        });
    }

    private void EnterStage(ClaimStatus status, TransitionContext ctx, int consentWindowDays)
    {
        var calendar = ctx.Calendar;
        var timings = ctx.Timings;
        DueAt = null;
        NextAutoActionAt = null;
        switch (status)
        {
            case ClaimStatus.Draft:
            case ClaimStatus.Active:
                break;
            case ClaimStatus.Submitted:
                SubmittedAt ??= ctx.Now;
                DueAt = calendar.AddBusinessDays(ctx.Now, timings.ReviewStartBusinessDays);
                break;
            case ClaimStatus.InReview:
                DueAt = calendar.AddBusinessDays(ctx.Now, timings.DecisionBusinessDays);
                break;
            case ClaimStatus.PartnerActionRequired:
                DueAt = calendar.AddBusinessDays(ctx.Now, timings.PartnerResponseBusinessDays);
                NextAutoActionAt = DueAt;
                break;
            case ClaimStatus.Approved:
                DecidedAt = ctx.Now;
                ConsentEndsAt = ctx.Now.AddDays(consentWindowDays > 0 ? consentWindowDays : timings.DefaultConsentWindowDays);
                NextAutoActionAt = ConsentEndsAt;
                break;
            case ClaimStatus.Rejected:
                DecidedAt = ctx.Now;
                // A partner's own withdrawal and a second rejection cannot be disputed.
                DisputeWindowEndsAt = Disputed || StatusReason == nameof(RejectionReason.PartnerRequest)
                    ? null
                    : ctx.Now.AddDays(timings.DisputeWindowDays);
                NextAutoActionAt = DisputeWindowEndsAt;
                break;
            case ClaimStatus.Disputed:
                DueAt = calendar.AddBusinessDays(ctx.Now, timings.DisputeAnswerBusinessDays);
                break;
            case ClaimStatus.Ended:
                break;
        }
    }

    /// <summary>
    /// A product counts against its unit while the claim is open — except, once the claim holds
    /// its units, a unit whose association has ended: the claim no longer holds or claims it.
    /// </summary>
    private void SetOpen()
    {
        var open = ClaimLifecycle.IsOpen(Status);
        var holds = ClaimLifecycle.HoldsUnits(Status);
        foreach (var product in _products)
        {
            product.IsOpen = open && !(holds && AssociationOf(product.UnitKey) is { HoldsUnit: false });
        }
    }

    /// <summary>
    /// Ends <paramref name="ending"/>; the claim moves (<paramref name="action"/>) when no unit is
    /// held any more, else the history says which units ended and the claim keeps the others.
    /// </summary>
    private void EndUnits(IReadOnlyList<Association> ending, EndReason reason, ClaimAction action, string? comment, TransitionContext ctx)
    {
        var before = HeldUnits();
        foreach (var association in ending)
        {
            association.End(reason, ctx.Now);
        }

        if (!_associations.Any(a => a.HoldsUnit))
        {
            Move(action, ctx, reason.ToString(), comment);
            return;
        }

        SetOpen();
        Touch(ctx);
        Record(ctx, ClaimEventKind.AssociationEnded, e =>
        {
            e.Reason = reason.ToString();
            e.SubjectId = ending.Count == 1 ? ending[0].Id : null;
            e.Changes = [new FieldChange("associations", before, HeldUnits())];
            e.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment;
        });
    }

    private string HeldUnits() => string.Join(", ", _associations.Where(a => a.HoldsUnit).Select(a => a.UnitLabel));

    private void EndAssociations(EndReason reason, DateTimeOffset at)
    {
        foreach (var association in _associations.Where(a => a.HoldsUnit))
        {
            association.End(reason, at);
        }
    }

    private void CancelAssociations(DateTimeOffset at)
    {
        foreach (var association in _associations.Where(a => a.HoldsUnit))
        {
            association.Cancel(at);
        }
    }

    private void ApplyDetails(ClaimDetails d)
    {
        Name = d.Name;
        ExternalId = d.ExternalId;
        MpnId = d.MpnId;
        TenantId = d.TenantId;
        CustomerDomain = d.CustomerDomain;
        SolutionArea = d.SolutionArea;
        Activity = d.Activity;
        ProgramId = ActivityRules.ProgramFor(d.SolutionArea, d.Activity);
        CustomerContact = d.CustomerContact;
        TechnicalContact = d.TechnicalContact;
        PartnerContact = d.PartnerContact;
        RevenueAssociation = d.RevenueAssociation;
    }

    private void ReplaceProducts(IReadOnlyList<ResolvedProduct> products)
    {
        // Keep rows whose unit is unchanged so the database sees the smallest change.
        _products.RemoveAll(existing => !products.Any(p => p.UnitKey == existing.UnitKey && p.ProductId == existing.ProductId));
        foreach (var product in products)
        {
            if (!_products.Any(p => p.UnitKey == product.UnitKey && p.ProductId == product.ProductId))
            {
                _products.Add(new ClaimProduct(Id, PartnerOrgId, product, ClaimLifecycle.IsOpen(Status)));
            }
        }

        var order = products.Select(p => p.UnitKey).ToList();
        _products.Sort((a, b) => order.IndexOf(a.UnitKey).CompareTo(order.IndexOf(b.UnitKey)));
    }

    private void Touch(TransitionContext ctx)
    {
        UpdatedAt = ctx.Now;
        UpdatedBy = ctx.Actor.Name;
        if (!_versionBumped)
        {
            Version++;
            _versionBumped = true;
        }
    }

    private void Record(TransitionContext ctx, ClaimEventKind kind, Action<ClaimEvent> fill)
    {
        var entry = new ClaimEvent(Id, ctx, kind);
        fill(entry);
        _newEvents.Add(entry);
    }

    /// <summary>The partner fields as (JSON field path, display value) pairs, in a fixed order, for history and diffs.</summary>
    private static List<(string Field, string? Value)> Describe(ClaimDetails d, IReadOnlyList<ResolvedProduct> products) =>
    [
        ("name", d.Name),
        ("externalId", d.ExternalId),
        ("mpnId", d.MpnId),
        ("tenantId", d.TenantId.ToString("D")),
        ("customerDomain", d.CustomerDomain),
        ("solutionArea", d.SolutionArea.ToString()),
        ("activity", d.Activity.ToString()),
        ("products", string.Join(", ", products.Select(p => p.SubscriptionId is { } s ? $"{p.ProductId} ({s:D})" : p.ProductId))),
        ("customerContact.name", d.CustomerContact.Name),
        ("customerContact.title", d.CustomerContact.Title),
        ("customerContact.email", d.CustomerContact.Email),
        ("technicalContact.name", d.TechnicalContact?.Name),
        ("technicalContact.title", d.TechnicalContact?.Title),
        ("technicalContact.email", d.TechnicalContact?.Email),
        ("partnerContact.name", d.PartnerContact.Name),
        ("partnerContact.email", d.PartnerContact.Email),
        ("revenueAssociation.solutionSellerName", d.RevenueAssociation?.SolutionSellerName),
        ("revenueAssociation.customerName", d.RevenueAssociation?.CustomerName),
        ("revenueAssociation.isvProductName", d.RevenueAssociation?.IsvProductName),
    ];
}
