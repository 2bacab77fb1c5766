import PlaceStore

/// The team key these tests' laptops share: in use it comes from a member's
/// sign-in (SignInTests and the CLI tests cover that); here the laptops are
/// given it, so sync is tested on its own.
let teamKeys = TeamKeyring.fresh()
