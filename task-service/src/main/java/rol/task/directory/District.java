package rol.task.directory;

import java.util.List;

/**
 * A district whose directory we hold.
 *
 * @param prefixes what texts put in front of a "区…" name to mean this district (泉州市鲤城区, 鲤城区, 鲤城)
 * @param places   place names that make a name specific to this district (鲤城, 开元 …): a name without one is
 *                 generic (区司法局, 法院) and counts only where it stands as a word of its own
 */
public record District(String id, String name, List<String> prefixes, List<String> places) {

    public District {
        prefixes = List.copyOf(prefixes);
        places = List.copyOf(places);
    }
}
