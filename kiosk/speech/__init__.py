"""Speech: what to say (describers), a priority queue, synthesis and the engines.

Imports no Kivy, except the playback modules (``player.py``, ``player_mixer.py``),
which play synthesised clips through Kivy's own audio so playback can be
stopped at once. Synthesis is split by job: ``espeak_library`` (loading
libespeak-ng), ``espeak_driver`` (pyttsx3 and its workarounds), ``wav``,
``clip_cache``, ``jobs`` and ``tts`` (the worker thread and its public API).
"""
