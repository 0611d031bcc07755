namespace Cpor.Domain;

/// <summary>Which side of the program an actor is on; shown in every history entry.</summary>
public enum ActorKind
{
    Partner,
    Reviewer,
    Customer,
    Admin,
    System,
}
