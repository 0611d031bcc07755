namespace Cpor.Domain;

/// <summary>Who did something: a person of one side, or the system's clock.</summary>
public sealed record Actor(ActorKind Kind, string? Id, string Name)
{
    /// <summary>The scheduler and every other automatic action.</summary>
    public static readonly Actor System = new(ActorKind.System, null, "system");
}
