"""Speech: what to say (describers), a priority queue, and the engines.

Imports no Kivy (except the audio player, which plays synthesised clips through
Kivy's own audio so playback can be stopped at once).
"""
