namespace Dispatch.Core.Matching;

/// <summary>How close a member lives to the resident in the organization tree; closer ranks first.</summary>
public enum Closeness
{
    LinkedHousehold = 0,
    SameBuilding = 1,
    SameGrid = 2,
    SameCommunity = 3,
}
