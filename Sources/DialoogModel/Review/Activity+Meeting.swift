import Foundation

extension Activity.Kind {
    /// Meetings can carry decisions and action items; a pamphlet, invitation or recess cannot.
    public var isMeeting: Bool {
        switch self {
        case .htnoMiddag, .sacVergadering, .sectortafel: true
        case .pamflet, .uitnodiging, .reces: false
        }
    }
}
